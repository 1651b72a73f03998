import type { RouteConfig, RouteHandler } from "@hono/zod-openapi";
import type { CloudClients } from "../openstack/clients";
import type { RequestSession } from "../session/session-service";
import type { Services } from "./services";

export type AppEnv = {
  Variables: {
    requestId: string;
    session: RequestSession;
    /** This request's service clients, built once by the session middleware. */
    clients: CloudClients;
    services: Services;
  };
};
export type AppRouteHandler<R extends RouteConfig> = RouteHandler<R, AppEnv>;
