import { createRouter } from "../../lib/create-router";
import { requireSession } from "../../middleware/session";
import * as handlers from "./catalog.handlers";
import * as routes from "./catalog.routes";

export const catalogRouter = createRouter();
catalogRouter.use("/catalog", requireSession);
catalogRouter.openapi(routes.list, handlers.list);
