import { livePoll, type LiveRow } from "./live";

type PolledQuery = Parameters<typeof livePoll>[0];

/**
 * The per-row half of the live mechanism (live.ts), used only by the lazily loaded row poller
 * (components/resources/live-rows.tsx), so none of it is in a list's first load.
 */

/** What one row's own poll said: the row as it is now, or gone (its GET answered 404). */
export type RowPoll<T> = { row: T } | { gone: true };

/** The list as shown: each polled row replaces the list's copy of it, and a row whose own GET answered 404 drops out. */
export function mergeLiveRows<T extends LiveRow>(items: readonly T[], polled: ReadonlyMap<string, RowPoll<T>>): T[] {
  if (!polled.size) return items as T[];
  const out: T[] = [];
  for (const item of items) {
    const p = polled.get(item.id);
    if (!p) out.push(item);
    else if ("row" in p) out.push(p.row);
  }
  return out;
}

/** A row's own poll interval: the backoff while it stays transitional, none once it has settled (the list takes over). */
export const rowPoll = (query: PolledQuery & { state: { data?: LiveRow } }): number | false =>
  query.state.data && !query.state.data.transient ? false : livePoll(query, true);

/**
 * The rows to poll one by one: the transitional ones, except those transitional for longer than `stopAfterMs`
 * (an image left `queued` stays so for good: it is shown as stuck, not polled for ever).
 */
export function rowsToPoll(items: readonly LiveRow[] | undefined, now: number, stopAfterMs?: number): string[] {
  return (items ?? []).filter((i) => i.transient && !(stopAfterMs !== undefined && rowAgeMs(i, now) > stopAfterMs)).map((i) => i.id);
}

/** How long ago the row was created (0 when unknown). */
export function rowAgeMs(i: LiveRow, now: number): number {
  const t = i.created ? Date.parse(i.created) : Number.NaN;
  return Number.isFinite(t) ? Math.max(0, now - t) : 0;
}

/**
 * The list's own refresh: the slow pace when its transitional rows are polled one by one (or there are none);
 * otherwise (a resource with no per-row GET) the list itself backs off from 2.5 s to 30 s.
 */
export const listPoll = (query: PolledQuery, transientRows: number, rowsPolled: boolean): number =>
  livePoll(query, !rowsPolled && transientRows > 0);
