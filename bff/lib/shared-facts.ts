import { createTtlCache } from "./ttl-cache";

/** Gathered facts and when they were gathered. */
export interface Gathered<V> {
  value: V;
  at: number;
  /** How long the gather took (ms). */
  took?: number;
  /** True when these facts are past their shared time and a new gather is running (see `slowGather`). */
  regathering?: boolean;
}

/**
 * What an answer from shared facts says about them (certainty is data): when they were gathered, how old they are
 * at the answer, how long they are shared, and whether they are past that and a new gather runs behind them.
 */
export interface FactsStamp {
  gatheredAt: string;
  ageS: number;
  sharedForS: number;
  regathering: boolean;
}

export const stampOf = (g: Gathered<unknown>, ttlMs: number, now: number): FactsStamp => ({
  gatheredAt: new Date(g.at).toISOString(),
  ageS: Math.max(0, Math.floor((now - g.at) / 1000)),
  sharedForS: ttlMs / 1000,
  regathering: g.regathering ?? false,
});

/** Gathers the facts; `behind`: no viewer waits for this gather (they were answered from the last one). */
export type Load<V> = (ctx: { behind: boolean }) => Promise<V>;

/**
 * Facts an admin view gathers from many upstream calls, computed once and shared by every viewer for `ttlMs`
 * (single-flight: viewers that arrive while a gather runs wait for it). `refresh` gathers anew, except that it
 * joins a gather already running (or one finished less than `refreshFloorMs` ago, 0 by default), so Refresh
 * clicks by many viewers at once cost one gather. An action never plans on these: it reads what it touches itself.
 *
 * `slowGather`: when the last gather took longer than `ms`, a viewer past the shared time is not kept waiting for
 * the next one: it gets the last facts, marked `regathering`, while one gather runs for everybody, for at most
 * `staleMs` past the shared time (then viewers wait again). A refresh always waits for its gather.
 */
export function createSharedFacts<V>(opts: {
  ttlMs: number;
  refreshFloorMs?: number;
  max?: number;
  now?: () => number;
  fresherWhile?: (v: V) => number | null;
  slowGather?: { ms: number; staleMs: number };
}) {
  const now = opts.now ?? Date.now;
  const floor = opts.refreshFloorMs ?? 0;
  const valid = (g: Gathered<V>) => {
    const ms = opts.fresherWhile?.(g.value);
    return ms == null || now() - g.at <= ms;
  };
  const cache = createTtlCache<Gathered<V>>({
    ttlMs: opts.ttlMs,
    max: opts.max ?? 8,
    now,
    // Facts that say they settle sooner (e.g. lineage with images Ceph does not have yet) live only that long.
    valid,
  });
  /** The last gather by key, kept past ttlMs for `slowGather`; a generation per key so a forgotten gather is not kept. */
  const last = new Map<string, Gathered<V>>();
  const generation = new Map<string, number>();
  const gather =
    (key: string, load: Load<V>, behind = false) =>
    async () => {
      const gen = generation.get(key) ?? 0;
      const start = now();
      const g: Gathered<V> = { value: await load({ behind }), at: now(), took: now() - start };
      if ((generation.get(key) ?? 0) === gen) last.set(key, g);
      return g;
    };
  const refreshing = new Map<string, Promise<Gathered<V>>>();
  const stale = (key: string): Gathered<V> | undefined => {
    const s = opts.slowGather;
    const g = last.get(key);
    if (!s || !g || (g.took ?? 0) <= s.ms || now() - g.at > opts.ttlMs + s.staleMs || !valid(g)) return undefined;
    return g;
  };
  function get(key: string, load: Load<V>, { refresh = false } = {}): Promise<Gathered<V>> {
    if (!refresh) {
      const hit = cache.peek(key);
      if (hit) return Promise.resolve(hit);
      const old = stale(key);
      if (!old) return cache.get(key, gather(key, load));
      // The gather's failure reaches the viewers that wait for one (past staleMs, or a refresh).
      cache.get(key, gather(key, load, true)).catch(() => undefined);
      return Promise.resolve({ ...old, regathering: true });
    }
    const running = refreshing.get(key);
    if (running) return running;
    const hit = cache.peek(key);
    if (hit && now() - hit.at < floor) return Promise.resolve(hit);
    // A gather in flight (nothing cached yet) is as fresh as a new one: join it.
    const inflight = hit ? undefined : cache.current(key);
    if (inflight) return inflight;
    cache.delete(key);
    const p = cache.get(key, gather(key, load)).finally(() => refreshing.delete(key));
    refreshing.set(key, p);
    return p;
  }
  return {
    ttlMs: opts.ttlMs,
    get,
    /** The facts (as `get`) and what the answer says about them. */
    async read(key: string, load: Load<V>, o: { refresh?: boolean } = {}): Promise<{ value: V } & FactsStamp> {
      const g = await get(key, load, o);
      return { value: g.value, ...stampOf(g, opts.ttlMs, now()) };
    },
    /** Replaces the shared facts with ones an action just read afresh. */
    put: (key: string, value: V) => {
      // How long a gather takes is the cloud's, not these facts': a slow cloud's next view still need not wait.
      const g = { value, at: now(), took: last.get(key)?.took };
      last.set(key, g);
      cache.set(key, g);
    },
    /** After a change: the next view gathers anew (and waits for it). */
    forget: (key: string) => {
      generation.set(key, (generation.get(key) ?? 0) + 1);
      last.delete(key);
      cache.delete(key);
    },
  };
}
export type SharedFacts<V> = ReturnType<typeof createSharedFacts<V>>;
