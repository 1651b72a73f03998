import { request } from "node:http";

export interface ProbeCounts {
  served: number;
  failed: number;
}

function once(url: string, timeoutMs: number): Promise<boolean> {
  return new Promise((res) => {
    const req = request(url, { agent: false, timeout: timeoutMs }, (r) => {
      r.resume();
      r.on("end", () => res(r.statusCode === 200));
      r.on("error", () => res(false));
    });
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", () => res(false));
    req.end();
  });
}

/**
 * The traffic probe: one request at a time through the pool's frontend, a new connection each (as a
 * client that does not keep connections would), counting 200s as served and anything else as failed.
 * Bounded by maxRequests and maxMs, paced by intervalMs; stop() ends it.
 */
export function startProbe(url: string, opts: { maxRequests: number; maxMs: number; timeoutMs?: number; intervalMs?: number }) {
  const counts: ProbeCounts = { served: 0, failed: 0 };
  let stopped = false;
  const end = Date.now() + opts.maxMs;
  const done = (async () => {
    while (!stopped && counts.served + counts.failed < opts.maxRequests && Date.now() < end) {
      if (await once(url, opts.timeoutMs ?? 2000)) counts.served++;
      else counts.failed++;
      if (opts.intervalMs) await new Promise((r) => setTimeout(r, opts.intervalMs));
    }
  })();
  return {
    counts,
    stop: async () => {
      stopped = true;
      await done;
    },
  };
}
