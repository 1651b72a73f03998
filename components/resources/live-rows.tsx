"use client";

import { useQuery, type QueryKey } from "@tanstack/react-query";
import { useEffect } from "react";
import { ApiError } from "@/lib/api/errors";
import { live, rowPoll, type LiveRow, type RowPoll } from "@/lib/queries/live";

/** How to GET one row of a list: its query key and its fetch (the resource's detail route, a superset of the row). */
export interface LiveRowSource<T> {
  key: (id: string) => QueryKey;
  fetch: (id: string, signal: AbortSignal) => Promise<T>;
}

interface Props<T extends LiveRow> {
  rows: T[];
  source: LiveRowSource<T>;
  onPoll: (id: string, poll: RowPoll<T>) => void;
}

function RowPoller<T extends LiveRow>({ row, source, onPoll }: { row: T; source: LiveRowSource<T>; onPoll: Props<T>["onPoll"] }) {
  const q = useQuery({
    queryKey: source.key(row.id),
    queryFn: ({ signal }) => source.fetch(row.id, signal),
    // The list's copy is the first answer: the first poll comes after the first backoff step, not at once.
    initialData: row,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
    ...live,
    refetchInterval: (query) => rowPoll(query),
  });
  const gone = q.error instanceof ApiError && q.error.status === 404;
  const fresh = q.isFetchedAfterMount ? q.data : undefined;
  useEffect(() => {
    if (gone) onPoll(row.id, { gone: true });
    else if (fresh) onPoll(row.id, { row: fresh });
  }, [gone, fresh, row.id, onPoll]);
  return null;
}

/**
 * Polls each transitional row by itself (issue 13, "Live"), with the 2.5 s → 30 s backoff, paused while the tab is
 * hidden; a 401 sends the browser to the login page (the API client's session guard). Loaded only when a list has
 * transitional rows, so it stays out of every first load. Renders nothing.
 */
export default function LiveRows<T extends LiveRow>({ rows, source, onPoll }: Props<T>) {
  return rows.map((row) => <RowPoller key={row.id} row={row} source={source} onPoll={onPoll} />);
}
