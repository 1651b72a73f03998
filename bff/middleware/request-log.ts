import { randomUUID } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { routePath } from "hono/route";
import type { Services } from "../lib/services";
import type { AppEnv } from "../lib/types";
import { requestIdFrom, withRequest, type RequestContext } from "../lib/request-context";

/** The browser's request id header (lib/api/create-client.ts sets it); the answer carries the same header. */
export const REQUEST_ID_HEADER = "X-Request-Id";

/**
 * The first middleware: picks the request id (the caller's X-Request-Id when it has OpenStack's req-<uuid> form,
 * otherwise a new one), serves the request inside its context (so every upstream call sends it as
 * X-OpenStack-Request-ID and is attributed to this route), then writes one JSON log line and the request metrics.
 * The route is the registered pattern, never the raw path, so metric labels stay bounded.
 */
export function requestLog(services: Services): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    const requestId = requestIdFrom(c.req.header(REQUEST_ID_HEADER), randomUUID);
    const ctx: RequestContext = { requestId, route: routePath(c, -1) || "unmatched", calls: [] };
    c.set("requestId", requestId);
    c.set("services", services);
    await withRequest(ctx, next);
    c.header(REQUEST_ID_HEADER, requestId);
    const ms = performance.now() - started;
    const status = c.res.status;
    services.metrics.request(c.req.method, ctx.route, status, ms / 1000);
    const line = {
      requestId,
      method: c.req.method,
      route: ctx.route,
      path: c.req.path,
      status,
      ms: Math.round(ms),
      upstream: ctx.calls,
      ...(ctx.error ? { error: ctx.error } : {}),
    };
    if (status >= 500) services.logger.warn(line, "request");
    else services.logger.info(line, "request");
  };
}
