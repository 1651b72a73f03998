import { createRouter } from "../../lib/create-router";
import { requireSession } from "../../middleware/session";
import * as handlers from "./auth.handlers";
import * as routes from "./auth.routes";

export const authRouter = createRouter();
authRouter.use("/auth/session", requireSession);
authRouter.use("/auth/project", requireSession);
authRouter
  .openapi(routes.login, handlers.login)
  .openapi(routes.getSession, handlers.getSession)
  .openapi(routes.switchProject, handlers.switchProject)
  .openapi(routes.logout, handlers.logout);
