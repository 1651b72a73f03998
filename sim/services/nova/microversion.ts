import type { MiddlewareHandler } from "hono";
import { fmt, negotiate } from "../common/microversion";
import { requestId } from "../../core/ids";
import { novaFault } from "./errors";

export const NOVA_MIN = "2.1";
/** Up to 2.100 (issue 3), newer than Zed's 2.93 on the real tier: a stated difference of the differential suite. */
export const NOVA_MAX = "2.100";

/** Set by a handler whose answer comes from below nova's API router (webob's 404), which echoes no version. */
export const UNVERSIONED = "novaUnversioned";

/**
 * Negotiates the compute microversion and echoes it on every response nova's API router gives, faults included:
 * OpenStack-API-Version: compute X.Y, X-OpenStack-Nova-API-Version: X.Y, Vary on both. As nova-api does, a 406
 * echoes the version asked for, a malformed version and keystonemiddleware's 401 echo none. Every response
 * carries the request id twice: x-openstack-request-id and x-compute-request-id.
 */
export function novaMicroversion(): MiddlewareHandler {
  return async (c, next) => {
    const n = negotiate("compute", { get: (h) => c.req.header(h) }, NOVA_MIN, NOVA_MAX, "X-OpenStack-Nova-API-Version");
    const echo = (res: Response, v: string | null) => {
      if (v !== null) {
        res.headers.set("OpenStack-API-Version", `compute ${v}`);
        res.headers.set("X-OpenStack-Nova-API-Version", v);
        res.headers.set("Vary", "OpenStack-API-Version, X-OpenStack-Nova-API-Version");
      }
      const id = res.headers.get("x-openstack-request-id") ?? requestId();
      res.headers.set("x-openstack-request-id", id);
      res.headers.set("x-compute-request-id", id);
      return res;
    };
    if (!n.ok) return echo(novaFault(n.status, n.message), n.status === 406 ? n.asked : null);
    c.set("mv" as never, n.version as never);
    await next();
    const versioned = c.res.status !== 401 && !c.get(UNVERSIONED as never);
    c.res = echo(new Response(c.res.body, c.res), versioned ? fmt(n.version) : null);
  };
}
