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
  /** Images read from the dashboard by this walk (each a call, two with usage). */
  read: number;
  /** Images taken from `known` (read by an earlier walk) instead. */
  reused: number;
}

const key = (s: Spec) => `${s.pool}/${s.name}`;

/**
 * Reads the seed images one by one and follows every link from them (each snapshot's children and the
 * image's own parent) until nothing new is reachable or `max` images were read. `read` answers null for
 * an image that does not exist. At most `concurrency` reads are in flight. An image `known` answers for
 * (an earlier walk's facts, still fresh) is not read and does not count towards `max`.
 */
export async function discover(
  seeds: Spec[],
  read: (s: Spec) => Promise<RbdFacts | null>,
  opts: { concurrency?: number; max?: number; known?: (s: Spec) => RbdFacts | undefined } = {},
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
  const unread: Spec[] = [];
  let started = 0;
  let reused = 0;
  let inFlight = 0;
  const found = (f: RbdFacts) => {
    facts.push(f);
    if (f.parent) push({ pool: f.parent.pool, name: f.parent.name });
    for (const s of f.snapshots) s.children.forEach(push);
  };

  await new Promise<void>((resolve, reject) => {
    const pump = () => {
      // The first read goes alone: if the dashboard is down, one request finds out, not `concurrency` of them.
      const limit = started - inFlight > 0 ? concurrency : 1;
      while (queue.length && inFlight < limit) {
        const next = queue.shift()!;
        const hit = opts.known?.(next);
        if (hit) {
          reused++;
          found(hit);
          continue;
        }
        if (started >= max) {
          unread.push(next);
          continue;
        }
        started++;
        inFlight++;
        read(next).then((f) => {
          inFlight--;
          if (!f) missing.push(key(next));
          else found(f);
          pump();
        }, reject);
      }
      if (inFlight === 0 && !queue.length) resolve();
    };
    pump();
  });
  return { facts, missing: missing.filter((k) => seedKeys.has(k)).sort(), truncated: unread.length > 0, read: started, reused };
}
