import { createRouter } from "../../lib/create-router";
import { requireSession } from "../../middleware/session";
import * as handlers from "./overview.handlers";
import * as routes from "./overview.routes";
import * as quotaHandlers from "./quotas.handlers";
import * as quotaRoutes from "./quotas.routes";

/** The Overview page's catalog; the API path stays /catalog. */
export const overviewRouter = createRouter();
overviewRouter.use("/catalog", requireSession);
overviewRouter.openapi(routes.list, handlers.list);
overviewRouter.use("/overview/*", requireSession);
overviewRouter.openapi(quotaRoutes.quotas, quotaHandlers.quotas);
overviewRouter.openapi(quotaRoutes.recentActions, quotaHandlers.recentActions);
