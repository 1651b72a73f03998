/**
 * How lists stay current by themselves (issue 13, "Live"): a stable list refreshes at a slow pace, and a list with
 * rows in a transitional state polls faster, backing off from 2.5 s to 30 s while the state lasts. TanStack Query
 * stops every refetchInterval while the tab is hidden (refetchIntervalInBackground false), and a refresh that meets a
 * 401 sends the browser to the login page at once (lib/api/create-client.ts, sessionGuard).
 */
export const STABLE_REFRESH_MS = 30_000;
export const TRANSIENT_FIRST_MS = 2_500;
export const TRANSIENT_MAX_MS = 30_000;
const BACKOFF = 1.5;

/** Options every live query spreads in: never poll a hidden tab. */
export const live = { refetchIntervalInBackground: false } as const;

/** The n-th poll (from 0) of a state that stays transitional: 2.5 s, 3.75 s, 5.6 s, … up to 30 s. */
export const transientDelay = (n: number): number => Math.min(TRANSIENT_MAX_MS, Math.round(TRANSIENT_FIRST_MS * BACKOFF ** Math.max(0, n)));

interface PolledQuery {
  state: { dataUpdateCount: number };
}
/** For each query, its data update count when its rows turned transitional: the polls since are the backoff's n. */
const transientSince = new WeakMap<PolledQuery, number>();

/**
 * A refetchInterval: while `transient`, the backoff's next delay (counting this query's answers since the rows turned
 * transitional); otherwise the slow pace of a stable list.
 */
export function livePoll(query: PolledQuery, transient: boolean): number {
  if (!transient) {
    transientSince.delete(query);
    return STABLE_REFRESH_MS;
  }
  const now = query.state.dataUpdateCount;
  const since = transientSince.get(query) ?? now;
  transientSince.set(query, since);
  return transientDelay(now - since);
}

// ---- Rows polled one by one (issue 13, "Live") ----

/** A list row the live mechanism can follow: its id, whether it is transitional, and (optionally) when it began. */
export interface LiveRow {
  id: string;
  transient?: boolean;
  created?: string;
}
