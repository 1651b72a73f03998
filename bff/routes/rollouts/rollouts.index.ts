import { createRouter } from "../../lib/create-router";
import { requireAdmin, requireSession } from "../../middleware/session";
import * as handlers from "./rollouts.handlers";
import * as routes from "./rollouts.routes";

/** Admin → Rollouts; admin only. The pools route is registered before /{id}. */
export const rolloutsRouter = createRouter();
rolloutsRouter.use("/admin/rollouts", requireSession, requireAdmin);
rolloutsRouter.use("/admin/rollouts/*", requireSession, requireAdmin);
rolloutsRouter
  .openapi(routes.pools, handlers.pools)
  .openapi(routes.list, handlers.list)
  .openapi(routes.start, handlers.start)
  .openapi(routes.getOne, handlers.getOne)
  .openapi(routes.events, handlers.events)
  .openapi(routes.cancel, handlers.cancel)
  .openapi(routes.retry, handlers.retry);
