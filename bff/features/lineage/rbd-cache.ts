import { createTtlCache } from "../../lib/ttl-cache";
import type { Spec } from "./discover";
import type { RbdFacts } from "./types";

/** How long an image's RBD facts, once read, stand in for a new read in the next gathers (stated in coverage). */
export const RBD_FACTS_TTL_MS = 5 * 60_000;
/**
 * More images than the scale scenario's 16k. Measured (bench/facts-memory.bench.ts): ~0.7 KiB of heap per image, so at
 * most ~35 MiB; the gathered forest built from them holds about as much again (11 MiB for 16k nodes).
 */
const MAX_IMAGES = 50_000;

interface Entry {
  facts: RbdFacts;
  /** Whether a live Glance image, Cinder volume or Nova server named the image when it was read. */
  named: boolean;
  at: number;
}

/**
 * Each RBD image's facts as the last gather read them, shared by the gathers after it for RBD_FACTS_TTL_MS, so a
 * gather reads from the dashboard only the images it has not seen lately (new seeds, expired facts, images past
 * the previous walk's bound), and a big cloud's walk completes over successive gathers. An image whose owner was
 * live when it was read but is gone now is read again (it was likely deleted). A refresh and every clean-up plan
 * read afresh. Answers are not proof of the present: coverage says how many facts were reused and how old.
 */
export function createRbdFactsCache(opts: { ttlMs?: number; now?: () => number } = {}) {
  const ttlMs = opts.ttlMs ?? RBD_FACTS_TTL_MS;
  const now = opts.now ?? Date.now;
  const cache = createTtlCache<Entry>({ ttlMs, max: MAX_IMAGES, now });
  const key = (s: Spec) => `${s.pool}/${s.name}`;
  return {
    ttlMs,
    /** The fresh facts of `s`, unless it was named when read and is not named now. */
    known(s: Spec, namedNow: (spec: string) => boolean): Entry | undefined {
      const e = cache.peek(key(s));
      if (!e || (e.named && !namedNow(key(s)))) return undefined;
      return e;
    },
    put(facts: RbdFacts, named: boolean) {
      cache.set(key(facts), { facts, named, at: now() });
    },
    /** Images whose facts are held (expired ones included until pushed out). */
    size: () => cache.size(),
    /** After a change to these images ("pool/name"): the next gather reads them. */
    forget(specs: Iterable<string>) {
      for (const s of specs) cache.delete(s);
    },
  };
}
export type RbdFactsCache = ReturnType<typeof createRbdFactsCache>;
