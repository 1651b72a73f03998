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
