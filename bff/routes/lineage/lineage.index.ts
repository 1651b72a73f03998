import { createRouter } from "../../lib/create-router";
import { requireAdmin, requireSession } from "../../middleware/session";
import * as fanoutHandlers from "./fanout.handlers";
import * as fanoutRoutes from "./fanout.routes";
import * as handlers from "./lineage.handlers";
import * as routes from "./lineage.routes";

/** Admin → Lineage: image parent/child trees and the orphan cleanup. */
export const lineageRouter = createRouter();
lineageRouter.use("/admin/lineage", requireSession, requireAdmin);
lineageRouter.use("/admin/lineage/*", requireSession, requireAdmin);
lineageRouter
  .openapi(routes.summary, handlers.summary)
  .openapi(routes.tree, handlers.tree)
  .openapi(routes.search, handlers.search)
  .openapi(routes.forest, handlers.forest)
  .openapi(routes.cleanup, handlers.cleanup)
  .openapi(fanoutRoutes.fanout, fanoutHandlers.fanout)
  .openapi(fanoutRoutes.flatten, fanoutHandlers.flatten);
