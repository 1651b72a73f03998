import { createRouter } from "../../lib/create-router";
import { requireSession } from "../../middleware/session";
import * as handlers from "./images.handlers";
import * as routes from "./images.routes";

export const imagesRouter = createRouter();
imagesRouter.use("/images", requireSession);
imagesRouter.openapi(routes.list, handlers.list);
