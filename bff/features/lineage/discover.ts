import type { RbdFacts } from "./types";

export interface Spec {
  pool: string;
  name: string;
}
export interface Discovery {
  facts: RbdFacts[];
  /** Seeds the dashboard answered 404 for ("pool/name"). */
  missing: string[];
  truncated: boolean;
}

const key = (s: Spec) => `${s.pool}/${s.name}`;

/**
 * Reads the seed images one by one and follows every link from them (each snapshot's children and the
 * image's own parent) until nothing new is reachable or `max` images were read. `read` answers null for
 * an image that does not exist. At most `concurrency` reads are in flight.
 */
export async function discover(
  seeds: Spec[],
  read: (s: Spec) => Promise<RbdFacts | null>,
  opts: { concurrency?: number; max?: number } = {},
): Promise<Discovery> {
  const concurrency = opts.concurrency ?? 8;
  const max = opts.max ?? 5000;
  const seen = new Set<string>();
  const seedKeys = new Set(seeds.map(key));
  const queue: Spec[] = [];
  const push = (s: Spec) => {
    const k = key(s);
    if (!seen.has(k)) {
      seen.add(k);
      queue.push(s);
    }
  };
  seeds.forEach(push);
  const facts: RbdFacts[] = [];
  const missing: string[] = [];
  let started = 0;
  let inFlight = 0;
  let truncated = false;

  await new Promise<void>((resolve, reject) => {
    const pump = () => {
      // The first read goes alone: if the dashboard is down, one request finds out, not `concurrency` of them.
      const limit = facts.length + missing.length > 0 ? concurrency : 1;
      while (inFlight < limit && queue.length && started < max) {
        const next = queue.shift()!;
        started++;
        inFlight++;
        read(next).then((f) => {
          inFlight--;
          if (!f) missing.push(key(next));
          else {
            facts.push(f);
            if (f.parent) push({ pool: f.parent.pool, name: f.parent.name });
            for (const s of f.snapshots) s.children.forEach(push);
          }
          pump();
        }, reject);
      }
      if (inFlight === 0) {
        truncated = queue.length > 0;
        resolve();
      }
    };
    pump();
  });
  return { facts, missing: missing.filter((k) => seedKeys.has(k)).sort(), truncated };
}
