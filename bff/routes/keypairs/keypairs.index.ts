import { createRouter } from "../../lib/create-router";
import { requireSession } from "../../middleware/session";
import * as handlers from "./keypairs.handlers";
import * as routes from "./keypairs.routes";

export const keypairsRouter = createRouter();
keypairsRouter.use("/keypairs", requireSession);
keypairsRouter.use("/keypairs/*", requireSession);
keypairsRouter.openapi(routes.list, handlers.list).openapi(routes.create, handlers.create).openapi(routes.remove, handlers.remove);
