import { createRouter } from "../../lib/create-router";
import { requireSession } from "../../middleware/session";
import * as handlers from "./boot.handlers";
import * as routes from "./boot.routes";

export const bootRouter = createRouter();
bootRouter.use("/boot", requireSession);
bootRouter.use("/boot/*", requireSession);
bootRouter
  .openapi(routes.options, handlers.options)
  .openapi(routes.plan, handlers.plan)
  .openapi(routes.create, handlers.create)
  .openapi(routes.progress, handlers.progress)
  .openapi(routes.progressStream, handlers.progressStream);
