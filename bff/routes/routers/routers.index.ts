import { createRouter } from "../../lib/create-router";
import { requireSession } from "../../middleware/session";
import * as handlers from "./routers.handlers";
import * as routes from "./routers.routes";

export const routersRouter = createRouter();
routersRouter.use("/routers", requireSession);
routersRouter.use("/routers/*", requireSession);
routersRouter
  .openapi(routes.list, handlers.list)
  .openapi(routes.create, handlers.create)
  .openapi(routes.remove, handlers.remove)
  .openapi(routes.setGateway, handlers.setGateway)
  .openapi(routes.addInterface, handlers.addInterface)
  .openapi(routes.removeInterface, handlers.removeInterface);
