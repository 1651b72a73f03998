import { createRouter } from "../../lib/create-router";
import { requireAdmin, requireSession } from "../../middleware/session";
import * as handlers from "./system.handlers";
import * as routes from "./system.routes";

/** The System page's probes of every catalog service; admin only. The API path stays /admin/services. */
export const systemRouter = createRouter();
systemRouter.use("/admin/services", requireSession, requireAdmin);
systemRouter.openapi(routes.list, handlers.list);
