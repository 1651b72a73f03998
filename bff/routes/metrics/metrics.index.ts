import { createRouter } from "../../lib/create-router";
import { metricsAccess } from "../../middleware/metrics-access";
import * as handlers from "./metrics.handlers";
import * as routes from "./metrics.routes";

/** /metrics for Prometheus: a ZENITH_METRICS_TOKEN bearer or an admin session (metrics-access.ts). */
export const metricsRouter = createRouter();
metricsRouter.use("/metrics", metricsAccess);
metricsRouter.openapi(routes.metrics, handlers.metrics);
