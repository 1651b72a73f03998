"use client";

import { Suspense, type ReactNode } from "react";
import type { UseQueryResult } from "@tanstack/react-query";
import { useT } from "@/lib/i18n/client";
import type { MessageKey, Messages } from "@/lib/i18n/translate";
import { lazyWithPreload } from "@/lib/lazy";
import type { ListSpec, SortDir, listQueryOf } from "@/lib/list-state";
import type { LiveRow } from "@/lib/queries/live";
import type { IconName } from "@/components/ui/icon";
import { Spinner } from "@/components/ui/spinner";
import type { LiveRowSource } from "./live-rows";
import { ListPageFrame } from "./table-states";
import { ListToolbar } from "./list-toolbar";
import { useListState } from "./use-list-state";

// Only lists longer than a page show the pager: its code loads when it is shown (rendered on the server all the same).
const Pager = lazyWithPreload(() => import("./pager").then((m) => m.Pager));
// Partial answers are rare: what the page says about them loads when there is something to say.
const ListNotices = lazyWithPreload(() => import("./list-extras").then((m) => m.ListNotices));
const LiveRows = lazyWithPreload(() => import("./list-extras").then((m) => m.LiveRows)) as unknown as <T extends LiveRow>(p: {
  items: T[];
  source: LiveRowSource<T>;
  stopAfterMs?: number;
}) => ReactNode;

/** The texts a list's i18n namespace must have: `<ns>.title`, `.description`, `.error`, `.empty`, `.emptyHint`, `.searchPlaceholder`. */
interface ListTexts {
  title: string;
  description: string;
  error: string;
  empty: string;
  emptyHint: string;
  searchPlaceholder: string;
}
export type ListNamespace = { [K in keyof Messages]: Messages[K] extends ListTexts ? K : never }[keyof Messages];

interface Page<T> {
  items: T[];
  nextMarker: string | null;
  mode: "upstream" | "scanned";
  truncated: boolean;
  unavailable?: { service: string; code: string }[];
}

export interface SortProps<S extends string> {
  sort: S;
  dir: SortDir;
  onSort: (sort: S, dir: SortDir) => void;
}

export interface ResourceListPageProps<T extends LiveRow, S extends string, F extends string> {
  /** The i18n namespace with the list's texts (ListTexts); its `title` heads the page. */
  ns: ListNamespace;
  /** The empty state's icon. */
  icon: IconName;
  /** The URL state: sorts, default order, and the one filter (search-params.ts next to the page). */
  spec: ListSpec<S, F>;
  /** The list's query hook (lib/queries/<resource>.ts), given the BFF query for the URL state. */
  useList: (query: ReturnType<typeof listQueryOf<NoInfer<S>, NoInfer<F>>>) => UseQueryResult<Page<T>>;
  /** The table for the rows (undefined while the first page loads) and the sort state. */
  table: (items: T[] | undefined, sort: SortProps<NoInfer<S>>) => ReactNode;
  /** The filter's label and each value's label, when the spec has a filter. */
  filter?: { label: string; option: (value: NoInfer<F>) => string };
  /** The page's actions (e.g. "Create"), also offered by the empty state. */
  actions?: ReactNode;
  /** Shown in the toolbar while rows are transitional (e.g. "Updating while instances change state"). */
  pollingNote?: string;
  /**
   * The resource's one-row GET and its lists' key prefix: transitional rows are then polled one by one (2.5 s → 30 s
   * backoff; what a poll says is written into the cached lists, a 404 drops the row), and the list query should refresh
   * at the slow pace (`STABLE_REFRESH_MS`). Without it, the list query itself backs off (`listPoll(q, n, false)`, live-rows.ts).
   */
  liveRows?: LiveRowSource<T>;
  /** Rows transitional for longer than this are no longer polled (e.g. an image left `queued`). */
  stopPollingAfterMs?: number;
}

/**
 * One paged resource list page, on the list template (ListPageFrame): header, search + filter toolbar, the card with
 * its failure, empty and truncated states, the table and the pager, all from the URL state; transitional rows stay live. Instances, volumes, images and
 * networks are built on it; a new list needs its search-params.ts spec, its query hook and its table.
 */
export function ResourceListPage<T extends LiveRow, S extends string, F extends string = never>(p: ResourceListPageProps<T, S, F>) {
  const t = useT();
  const { state, query, update } = useListState(p.spec);
  const list = p.useList(query);
  const data = list.data;
  const transient = data?.items.some((i) => i.transient);
  return (
    <>
      {/* The frame: header, the failure (naming the service) or the empty state or the table; here with the search
          toolbar above the rows and the pager below them. */}
      <ListPageFrame
        ns={p.ns}
        icon={p.icon}
        list={list}
        actions={p.actions}
        emptyAction={p.actions}
        searching={!!state.search || !!state.filter}
        onClearSearch={() => update({ search: "", filter: undefined })}
        toolbar={
          <>
            <ListToolbar
              search={state.search}
              onSearch={(search) => update({ search })}
              placeholder={t(`${p.ns}.searchPlaceholder` as MessageKey)}
              filter={
                p.filter && p.spec.filter
                  ? {
                      label: p.filter.label,
                      value: state.filter,
                      options: p.spec.filter.values.map((v) => ({ value: v, label: p.filter!.option(v) })),
                      onChange: (filter) => update({ filter: filter as F | undefined }),
                    }
                  : undefined
              }
            >
              {p.pollingNote && transient ? (
                <span className="inline-flex items-center gap-1.5" role="status">
                  <Spinner className="size-3" />
                  {p.pollingNote}
                </span>
              ) : null}
            </ListToolbar>
            {data?.truncated || data?.unavailable?.length ? (
              <Suspense fallback={null}>
                <ListNotices truncated={data.truncated} unavailable={data.unavailable} />
              </Suspense>
            ) : null}
          </>
        }
        rows={(items) => p.table(items, { sort: state.sort, dir: state.dir, onSort: (sort, dir) => update({ sort, dir }) })}
        footer={
          data?.nextMarker || state.cursor.length > 0 ? (
            <Suspense fallback={null}>
              <Pager
                cursor={state.cursor}
                nextMarker={data?.nextMarker}
                count={data?.items.length ?? 0}
                fetching={list.isFetching}
                onPage={(cursor) => update({ cursor })}
              />
            </Suspense>
          ) : null
        }
      />
      {transient && p.liveRows ? (
        <Suspense fallback={null}>
          <LiveRows items={data!.items} source={p.liveRows} stopAfterMs={p.stopPollingAfterMs} />
        </Suspense>
      ) : null}
    </>
  );
}
