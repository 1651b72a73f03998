import { createRouter } from "../../lib/create-router";
import { requireSession } from "../../middleware/session";
import * as handlers from "./networks.handlers";
import * as routes from "./networks.routes";

export const networksRouter = createRouter();
networksRouter.use("/networks", requireSession);
networksRouter.use("/networks/*", requireSession);
networksRouter
  .openapi(routes.list, handlers.list)
  .openapi(routes.create, handlers.create)
  .openapi(routes.getOne, handlers.getOne)
  .openapi(routes.remove, handlers.remove)
  .openapi(routes.createPort, handlers.createPort)
  .openapi(routes.removePort, handlers.removePort);
