import type { MiddlewareHandler } from "hono";

/**
 * Requests the sim has answered, per service, in memory: what a benchmark reads (GET /_sim/requests) before
 * and after a view to count the upstream calls that view made. Counted whatever the answer (faults included).
 */
export interface RequestCounter {
  count(service: string, method: string, path: string): void;
  /** Counts per service and per "service METHOD path" (see requestShape) since start or the last reset, and their total. */
  snapshot(): { byService: Record<string, number>; byRequest: Record<string, number>; total: number };
  reset(): void;
}

/** "GET /v3/<project>/volumes/detail?limit=100" → "GET /v3/{id}/volumes/detail": ids and queries folded, to group calls by kind. */
export function requestShape(req: string): string {
  return req
    .replace(/\?.*$/, "")
    .replace(/%2F/gi, "/")
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\b[0-9a-f]{32}\b/gi, "{id}");
}

export function createRequestCounter(): RequestCounter {
  const services = new Map<string, number>();
  const requests = new Map<string, number>();
  const bump = (m: Map<string, number>, key: string) => void m.set(key, (m.get(key) ?? 0) + 1);
  const sorted = (m: Map<string, number>) => Object.fromEntries([...m].sort(([a], [b]) => a.localeCompare(b)));
  return {
    count(service, method, path) {
      bump(services, service);
      bump(requests, `${service} ${requestShape(`${method} ${path}`)}`);
    },
    snapshot: () => ({
      byService: sorted(services),
      byRequest: sorted(requests),
      total: [...services.values()].reduce((a, b) => a + b, 0),
    }),
    reset() {
      services.clear();
      requests.clear();
    },
  };
}

/**
 * Counts every request to one service's mount, before anything else answers it. The path is counted without the
 * mount ("/compute/v2.1/limits" as "/v2.1/limits"), as the real service would log it.
 */
export function countRequests(counter: RequestCounter, service: string, mount: string): MiddlewareHandler {
  return async (c, next) => {
    counter.count(service, c.req.method, new URL(c.req.url).pathname.slice(mount.length) || "/");
    await next();
  };
}
