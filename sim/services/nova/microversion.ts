import type { MiddlewareHandler } from "hono";
import { fmt, negotiate } from "../common/microversion";
import { novaFault } from "./errors";

export const NOVA_MIN = "2.1";
export const NOVA_MAX = "2.100";

/**
 * Negotiates the compute microversion and echoes it on every response, faults included:
 * OpenStack-API-Version: compute X.Y, X-OpenStack-Nova-API-Version: X.Y, Vary on both.
 */
export function novaMicroversion(): MiddlewareHandler {
  return async (c, next) => {
    const n = negotiate("compute", { get: (h) => c.req.header(h) }, NOVA_MIN, NOVA_MAX, "X-OpenStack-Nova-API-Version");
    const echo = (res: Response, v: string) => {
      res.headers.set("OpenStack-API-Version", `compute ${v}`);
      res.headers.set("X-OpenStack-Nova-API-Version", v);
      res.headers.set("Vary", "OpenStack-API-Version, X-OpenStack-Nova-API-Version");
      return res;
    };
    if (!n.ok) return echo(novaFault(n.status, n.message), NOVA_MIN);
    c.set("mv" as never, n.version as never);
    await next();
    c.res = echo(new Response(c.res.body, c.res), fmt(n.version));
    if (!c.res.headers.has("x-openstack-request-id")) c.res.headers.set("x-openstack-request-id", `req-${crypto.randomUUID()}`);
  };
}
