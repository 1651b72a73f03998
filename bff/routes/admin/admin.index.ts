import { createRouter } from "../../lib/create-router";
import { requireAdmin, requireSession } from "../../middleware/session";
import * as auditHandlers from "./audit.handlers";
import * as auditRoutes from "./audit.routes";
import * as allHandlers from "./all-projects.handlers";
import * as allRoutes from "./all-projects.routes";
import * as infraHandlers from "./infrastructure.handlers";
import * as infraRoutes from "./infrastructure.routes";

/** Everything under /admin needs a session whose token carries the admin role. */
export const adminRouter = createRouter();
adminRouter.use("/admin/*", requireSession, requireAdmin);
adminRouter.openapi(auditRoutes.list, auditHandlers.list).openapi(auditRoutes.exportLog, auditHandlers.exportLog);
adminRouter.openapi(infraRoutes.getInfrastructure, infraHandlers.getInfrastructure);
adminRouter.openapi(allRoutes.allInstances, allHandlers.allInstances).openapi(allRoutes.allVolumes, allHandlers.allVolumes);
