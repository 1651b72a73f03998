import { createRouter } from "../../lib/create-router";
import { requireSession } from "../../middleware/session";
import * as handlers from "./volumes.handlers";
import * as routes from "./volumes.routes";

export const volumesRouter = createRouter();
volumesRouter.use("/volumes", requireSession);
volumesRouter.openapi(routes.list, handlers.list);
