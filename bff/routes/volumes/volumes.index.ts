import { createRouter } from "../../lib/create-router";
import { requireSession } from "../../middleware/session";
import * as handlers from "./volumes.handlers";
import * as routes from "./volumes.routes";

export const volumesRouter = createRouter();
for (const path of ["/volumes", "/volumes/*", "/volume-types", "/volume-snapshots", "/volume-snapshots/*"])
  volumesRouter.use(path, requireSession);
volumesRouter
  .openapi(routes.list, handlers.list)
  .openapi(routes.create, handlers.create)
  .openapi(routes.getOne, handlers.getOne)
  .openapi(routes.extend, handlers.extend)
  .openapi(routes.retype, handlers.retype)
  .openapi(routes.snapshot, handlers.snapshot)
  .openapi(routes.attach, handlers.attach)
  .openapi(routes.detach, handlers.detach)
  .openapi(routes.remove, handlers.remove)
  .openapi(routes.removeSnapshot, handlers.removeSnapshot)
  .openapi(routes.snapshots, handlers.snapshots)
  .openapi(routes.types, handlers.types);
