import { createRouter } from "../../lib/create-router";
import { requireSession } from "../../middleware/session";
import * as handlers from "./flavors.handlers";
import * as routes from "./flavors.routes";

export const flavorsRouter = createRouter();
flavorsRouter.use("/flavors", requireSession);
flavorsRouter.openapi(routes.list, handlers.list);
