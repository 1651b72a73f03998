import type { MiddlewareHandler } from "hono";

/**
 * Requests the sim has answered, per service, in memory: what a benchmark reads (GET /_sim/requests) before
 * and after a view to count the upstream calls that view made. Counted whatever the answer (faults included).
 */
export interface RequestCounter {
  count(service: string): void;
  /** Counts per service since start (or the last reset), and their total. */
  snapshot(): { byService: Record<string, number>; total: number };
  reset(): void;
}

export function createRequestCounter(): RequestCounter {
  const counts = new Map<string, number>();
  return {
    count: (service) => void counts.set(service, (counts.get(service) ?? 0) + 1),
    snapshot() {
      const byService = Object.fromEntries([...counts].sort(([a], [b]) => a.localeCompare(b)));
      return { byService, total: [...counts.values()].reduce((a, b) => a + b, 0) };
    },
    reset: () => counts.clear(),
  };
}

/** Counts every request to one service's mount, before anything else answers it. */
export function countRequests(counter: RequestCounter, service: string): MiddlewareHandler {
  return async (_c, next) => {
    counter.count(service);
    await next();
  };
}
