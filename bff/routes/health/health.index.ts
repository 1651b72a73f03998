import { createRouter } from "../../lib/create-router";
import * as handlers from "./health.handlers";
import * as routes from "./health.routes";

/** /healthz and /readyz: no session, for load balancers and orchestrators. */
export const healthRouter = createRouter();
healthRouter.openapi(routes.healthz, handlers.healthz).openapi(routes.readyz, handlers.readyz);
