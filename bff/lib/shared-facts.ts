import { createTtlCache } from "./ttl-cache";

/** Gathered facts and when they were gathered. */
export interface Gathered<V> {
  value: V;
  at: number;
}

/**
 * Facts an admin view gathers from many upstream calls, computed once and shared by every viewer for `ttlMs`
 * (single-flight: viewers that arrive while a gather runs wait for it). `refresh` gathers anew, except that it
 * joins a gather already running (or one finished less than `refreshFloorMs` ago, 0 by default), so Refresh
 * clicks by many viewers at once cost one gather. An action never plans on these: it reads what it touches itself.
 */
export function createSharedFacts<V>(opts: {
  ttlMs: number;
  refreshFloorMs?: number;
  max?: number;
  now?: () => number;
  fresherWhile?: (v: V) => number | null;
}) {
  const now = opts.now ?? Date.now;
  const floor = opts.refreshFloorMs ?? 0;
  const cache = createTtlCache<Gathered<V>>({
    ttlMs: opts.ttlMs,
    max: opts.max ?? 8,
    now,
    // Facts that say they settle sooner (e.g. lineage with images Ceph does not have yet) live only that long.
    valid: (g) => {
      const ms = opts.fresherWhile?.(g.value);
      return ms == null || now() - g.at <= ms;
    },
  });
  const gather = (load: () => Promise<V>) => async () => ({ value: await load(), at: now() });
  const refreshing = new Map<string, Promise<Gathered<V>>>();
  return {
    ttlMs: opts.ttlMs,
    get(key: string, load: () => Promise<V>, { refresh = false } = {}): Promise<Gathered<V>> {
      if (!refresh) return cache.get(key, gather(load));
      const running = refreshing.get(key);
      if (running) return running;
      const hit = cache.peek(key);
      if (hit && now() - hit.at < floor) return Promise.resolve(hit);
      // A gather in flight (nothing cached yet) is as fresh as a new one: join it.
      const inflight = hit ? undefined : cache.current(key);
      if (inflight) return inflight;
      cache.delete(key);
      const p = cache.get(key, gather(load)).finally(() => refreshing.delete(key));
      refreshing.set(key, p);
      return p;
    },
    /** Replaces the shared facts with ones an action just read afresh. */
    put: (key: string, value: V) => void cache.set(key, { value, at: now() }),
    /** After a change: the next view gathers anew. */
    forget: (key: string) => cache.delete(key),
  };
}
export type SharedFacts<V> = ReturnType<typeof createSharedFacts<V>>;
