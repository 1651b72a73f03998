import { createRouter } from "../../lib/create-router";
import { requireSession } from "../../middleware/session";
import * as handlers from "./security-groups.handlers";
import * as routes from "./security-groups.routes";

export const securityGroupsRouter = createRouter();
securityGroupsRouter.use("/security-groups", requireSession);
securityGroupsRouter.use("/security-groups/*", requireSession);
securityGroupsRouter
  .openapi(routes.list, handlers.list)
  .openapi(routes.create, handlers.create)
  .openapi(routes.remove, handlers.remove)
  .openapi(routes.addRule, handlers.addRule)
  .openapi(routes.removeRule, handlers.removeRule);
