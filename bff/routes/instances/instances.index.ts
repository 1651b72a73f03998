import { createRouter } from "../../lib/create-router";
import { requireSession } from "../../middleware/session";
import * as handlers from "./instances.handlers";
import * as routes from "./instances.routes";

export const instancesRouter = createRouter();
instancesRouter.use("/instances", requireSession);
instancesRouter.use("/instances/*", requireSession);
instancesRouter
  .openapi(routes.list, handlers.list)
  .openapi(routes.getOne, handlers.getOne)
  .openapi(routes.action, handlers.action)
  .openapi(routes.remove, handlers.remove)
  .openapi(routes.snapshot, handlers.snapshot)
  .openapi(routes.remoteConsole, handlers.remoteConsole)
  .openapi(routes.consoleLog, handlers.consoleLog)
  .openapi(routes.actionLog, handlers.actionLog)
  .openapi(routes.ports, handlers.ports)
  .openapi(routes.attachPort, handlers.attachPort)
  .openapi(routes.detachPort, handlers.detachPort)
  .openapi(routes.attachVolume, handlers.attachVolume)
  .openapi(routes.detachVolume, handlers.detachVolume)
  .openapi(routes.snapshots, handlers.snapshots);
