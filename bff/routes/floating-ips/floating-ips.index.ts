import { createRouter } from "../../lib/create-router";
import { requireSession } from "../../middleware/session";
import * as handlers from "./floating-ips.handlers";
import * as routes from "./floating-ips.routes";

export const floatingIpsRouter = createRouter();
floatingIpsRouter.use("/floating-ips", requireSession);
floatingIpsRouter.use("/floating-ips/*", requireSession);
floatingIpsRouter
  .openapi(routes.list, handlers.list)
  .openapi(routes.allocate, handlers.allocate)
  .openapi(routes.associate, handlers.associate)
  .openapi(routes.release, handlers.release);
