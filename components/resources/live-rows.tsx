"use client";

import { useQuery, useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useEffect } from "react";
import { ApiError } from "@/lib/api/errors";
import { live, type LiveRow } from "@/lib/queries/live";
import { mergeLiveRows, rowPoll, rowsToPoll, type RowPoll } from "@/lib/queries/live-rows";

/**
 * How to follow one row of a list: the key prefix of the resource's cached lists (patched with what the row's poll
 * says), the row's own query key, and its GET (the resource's detail route, a superset of the row).
 */
export interface LiveRowSource<T> {
  lists: QueryKey;
  key: (id: string) => QueryKey;
  fetch: (id: string, signal: AbortSignal) => Promise<T>;
}

interface Page<T> {
  items: T[];
}

function RowPoller<T extends LiveRow>({ row, source }: { row: T; source: LiveRowSource<T> }) {
  const qc = useQueryClient();
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
    const poll: RowPoll<T> | null = gone ? { gone: true } : fresh ? { row: fresh } : null;
    if (!poll) return;
    // Every cached page that shows the row shows it as its poll says (or drops it); settled or gone, the lists catch up.
    const polled = new Map([[row.id, poll]]);
    qc.setQueriesData<Page<T>>({ queryKey: source.lists }, (page) =>
      page?.items ? { ...page, items: mergeLiveRows(page.items, polled) } : page,
    );
    if (gone || !fresh?.transient) void qc.invalidateQueries({ queryKey: source.lists });
  }, [gone, fresh, row.id, qc, source.lists]);
  return null;
}

/**
 * Polls each transitional row by itself (issue 13, "Live"), with the 2.5 s → 30 s backoff, paused while the tab is
 * hidden; a row whose GET answers 404 drops out of the lists; a 401 sends the browser to the login page (the API
 * client's session guard). Loaded only when a list has transitional rows, so it is in no first load. Renders nothing.
 */
export default function LiveRows<T extends LiveRow>({
  items,
  source,
  stopAfterMs,
}: {
  items: T[];
  source: LiveRowSource<T>;
  stopAfterMs?: number;
}) {
  const ids = rowsToPoll(items, Date.now(), stopAfterMs);
  return items.filter((i) => ids.includes(i.id)).map((row) => <RowPoller key={row.id} row={row} source={source} />);
}
