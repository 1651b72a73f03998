import { createRouter } from "../../lib/create-router";
import { requireSession } from "../../middleware/session";
import * as actions from "./image-actions.handlers";
import * as actionRoutes from "./image-actions.routes";
import * as handlers from "./images.handlers";
import * as routes from "./images.routes";

export const imagesRouter = createRouter();
imagesRouter.use("/images", requireSession);
imagesRouter.use("/images/*", requireSession);
imagesRouter.openapi(routes.list, handlers.list);
// Fixed paths before /images/{id}.
imagesRouter.openapi(actionRoutes.importInfo, actions.importInfo);
imagesRouter.openapi(actionRoutes.webDownload, actions.webDownload);
imagesRouter.openapi(actionRoutes.create, actions.create);
imagesRouter.openapi(actionRoutes.getOne, actions.getOne);
imagesRouter.openapi(actionRoutes.update, actions.update);
imagesRouter.openapi(actionRoutes.remove, actions.remove);
imagesRouter.openapi(actionRoutes.convert, actions.convert);
