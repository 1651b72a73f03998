/**
 * A circuit breaker per upstream (service + origin). `failures` consecutive failures (a timeout, an unreachable
 * service or a 5xx) open it for `coolDownMs`: every call then fails at once without touching the network. After the
 * cool-down one trial call goes through (half-open): a success closes the breaker, a failure opens it again for
 * another cool-down. Nothing needs a restart; a 2xx-4xx answer counts as the service being up.
 */
export interface BreakerOptions {
  /** Consecutive failures that open the breaker; 0 disables it. */
  failures: number;
  coolDownMs: number;
}
export const DEFAULT_BREAKER: BreakerOptions = { failures: 5, coolDownMs: 30_000 };

export type BreakerState = "closed" | "open" | "half-open";
/** `trialSince`: when the half-open trial call went out (0: none); a trial that never reported is replaced after a cool-down. */
interface Entry {
  failures: number;
  openUntil: number;
  trialSince: number;
  lastCause: string;
}

/** Why a call was refused without being sent: the breaker is open until `until`. */
export interface BreakerRefusal {
  until: number;
  retryAfterS: number;
  failures: number;
  lastCause: string;
}

export function createBreakers(opts: BreakerOptions = DEFAULT_BREAKER, now: () => number = Date.now) {
  const entries = new Map<string, Entry>();
  const entry = (key: string) => {
    let e = entries.get(key);
    if (!e) entries.set(key, (e = { failures: 0, openUntil: 0, trialSince: 0, lastCause: "" }));
    return e;
  };
  function state(key: string): BreakerState {
    const e = entries.get(key);
    if (!e || e.openUntil === 0) return "closed";
    return e.openUntil > now() ? "open" : "half-open";
  }
  return {
    state,
    /** Null when the call may go out (and, half-open, claims the one trial); otherwise why not. */
    admit(key: string): BreakerRefusal | null {
      if (opts.failures <= 0) return null;
      const e = entries.get(key);
      if (!e || e.openUntil === 0) return null;
      const t = now();
      if (e.openUntil <= t && (e.trialSince === 0 || t - e.trialSince > opts.coolDownMs)) {
        e.trialSince = t;
        return null;
      }
      const until = Math.max(e.openUntil, t + 1000);
      return { until, retryAfterS: Math.max(1, Math.ceil((until - t) / 1000)), failures: e.failures, lastCause: e.lastCause };
    },
    /** A call that got an answer: the breaker closes (kept, so the metrics show it closed). */
    success(key: string): void {
      const e = entries.get(key);
      if (e) Object.assign(e, { failures: 0, openUntil: 0, trialSince: 0 });
    },
    /** A failed call; answers true when this one opened (or re-opened) the breaker. */
    failure(key: string, cause: string): boolean {
      if (opts.failures <= 0) return false;
      const e = entry(key);
      e.failures += 1;
      e.lastCause = cause;
      if (e.trialSince !== 0 || e.failures >= opts.failures) {
        e.openUntil = now() + opts.coolDownMs;
        e.trialSince = 0;
        return true;
      }
      return false;
    },
    /** Every breaker that has seen a failure, open or closed again, for /api/metrics and tests. */
    snapshot(): { key: string; state: BreakerState; failures: number }[] {
      return [...entries].map(([key, e]) => ({ key, state: state(key), failures: e.failures }));
    },
  };
}
export type Breakers = ReturnType<typeof createBreakers>;
