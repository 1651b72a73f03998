import { createRouter } from "../../lib/create-router";
import { requireAdmin, requireSession } from "../../middleware/session";
import * as handlers from "./lineage.handlers";
import * as routes from "./lineage.routes";

/** Admin → Lineage: image parent/child trees and the orphan cleanup. */
export const lineageRouter = createRouter();
lineageRouter.use("/admin/lineage", requireSession, requireAdmin);
lineageRouter.use("/admin/lineage/*", requireSession, requireAdmin);
lineageRouter.openapi(routes.get, handlers.get).openapi(routes.cleanup, handlers.cleanup);
