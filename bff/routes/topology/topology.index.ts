import { createRouter } from "../../lib/create-router";
import { requireSession } from "../../middleware/session";
import * as handlers from "./topology.handlers";
import * as routes from "./topology.routes";

export const topologyRouter = createRouter();
topologyRouter.use("/topology", requireSession);
topologyRouter.openapi(routes.get, handlers.get);
