/**
 * A small bounded cache of values that live `ttlMs`, with single-flight loads: concurrent misses for one key
 * share one load (an in-flight promise per key, removed when it settles). A failed load is never kept, so the
 * next caller loads afresh. Both maps are bounded by `max`: the oldest entry goes first, and past `max` loads in
 * flight a miss loads on its own (unshared) rather than grow the map.
 */
export interface TtlCacheOptions<V> {
  ttlMs: number;
  max: number;
  now?: () => number;
  /** An entry is also dropped when this says it no longer holds (e.g. a token past its expiry). */
  valid?: (value: V) => boolean;
}

export function createTtlCache<V>({ ttlMs, max, now = Date.now, valid }: TtlCacheOptions<V>) {
  const entries = new Map<string, { value: V; at: number }>();
  /** `dropped` is set when the key is deleted while its load runs: the result then goes to the waiting callers only. */
  const inflight = new Map<string, { promise: Promise<V>; dropped: boolean }>();

  function peek(key: string): V | undefined {
    const e = entries.get(key);
    if (!e) return undefined;
    if (now() - e.at > ttlMs || (valid && !valid(e.value))) {
      entries.delete(key);
      return undefined;
    }
    return e.value;
  }

  function set(key: string, value: V): V {
    entries.delete(key);
    // Insertion order is age order: drop the expired head, so stale values are not held until pushed out.
    for (const [k, e] of entries) {
      if (now() - e.at <= ttlMs) break;
      entries.delete(k);
    }
    if (entries.size >= max) entries.delete(entries.keys().next().value!);
    entries.set(key, { value, at: now() });
    return value;
  }

  function load(key: string, loader: () => Promise<V>): Promise<V> {
    if (inflight.size >= max) return loader().then((v) => set(key, v));
    const flight = { promise: undefined as unknown as Promise<V>, dropped: false };
    flight.promise = (async () => {
      try {
        const v = await loader();
        if (!flight.dropped) set(key, v);
        return v;
      } finally {
        if (inflight.get(key) === flight) inflight.delete(key);
      }
    })();
    inflight.set(key, flight);
    return flight.promise;
  }

  return {
    peek,
    set,
    /** The cached value, else the load in flight for `key`, else a new load. */
    get(key: string, loader: () => Promise<V>): Promise<V> {
      const hit = peek(key);
      if (hit !== undefined) return Promise.resolve(hit);
      return inflight.get(key)?.promise ?? load(key, loader);
    },
    /** The cached value or the load in flight for `key`, without starting one. */
    current(key: string): Promise<V> | undefined {
      const hit = peek(key);
      return hit !== undefined ? Promise.resolve(hit) : inflight.get(key)?.promise;
    },
    /** Forgets `key`, and keeps a load already in flight from storing its result. */
    delete(key: string): void {
      entries.delete(key);
      const f = inflight.get(key);
      if (f) {
        f.dropped = true;
        inflight.delete(key);
      }
    },
    size: () => entries.size,
    inflightSize: () => inflight.size,
  };
}

export type TtlCache<V> = ReturnType<typeof createTtlCache<V>>;
