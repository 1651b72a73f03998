"use client";

// The list template: the page frame every list is built on, and what a list shows instead of (or around) its rows.
// One module: every list page loads it anyway, and one module costs its first load less than two (e2e/first-load-budget.spec.ts).

import { Suspense, type ReactNode } from "react";
import { useT } from "@/lib/i18n/client";
import type { MessageKey, Messages } from "@/lib/i18n/translate";
import { lazyWithPreload } from "@/lib/lazy";
import { PageHeader } from "@/components/common/page-header";
import { LazyQueryError as QueryError } from "@/components/common/lazy-query-error";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { IconName } from "@/components/ui/icon";
import { Skeleton } from "@/components/ui/skeleton";
import { TableCell, TableRow } from "@/components/ui/table";

// Most views open on rows, not on an empty list: the empty state's code loads when one is shown (rendered on the
// server all the same, so a list that opens empty shows it at once).
const EmptyState = lazyWithPreload(() => import("@/components/ui/empty-state").then((m) => m.EmptyState));

/** Placeholder rows in the table's own shape while the first page loads. */
export function SkeletonRows({ columns, rows = 5 }: { columns: number; rows?: number }) {
  return Array.from({ length: rows }, (_, i) => (
    <TableRow key={i} aria-hidden>
      {Array.from({ length: columns }, (_, j) => (
        <TableCell key={j}>
          <Skeleton className={j === 0 ? "h-4 w-32" : "h-4 w-20"} />
        </TableCell>
      ))}
    </TableRow>
  ));
}

/** The texts a list page's i18n namespace must have: `<ns>.title`, `.description`, `.error`, `.empty`, `.emptyHint`. */
export interface FrameTexts {
  title: string;
  description: string;
  error: string;
  empty: string;
  emptyHint: string;
}
export type FrameNamespace = { [K in keyof Messages]: Messages[K] extends FrameTexts ? K : never }[keyof Messages];

/** What the frame reads of the list's query (a react-query result). */
export interface FrameQuery<T> {
  data?: { items: T[] };
  error: unknown;
  refetch: () => unknown;
}

export interface ListPageFrameProps<T> {
  /** The i18n namespace with the page's texts (FrameTexts). */
  ns: FrameNamespace;
  /** The empty state's icon. */
  icon: IconName;
  list: FrameQuery<T>;
  /** The header's actions (e.g. "Create"). */
  actions?: ReactNode;
  /** What the empty state offers (e.g. the same "Create" button; not a form already on the page). */
  emptyAction?: ReactNode;
  /** A search or filter is narrowing the list: its empty state is "nothing matches", with a way to clear it. */
  searching?: boolean;
  onClearSearch?: () => void;
  /** Above the rows, inside the list's card: the toolbar, notices. */
  toolbar?: ReactNode;
  /** Below the rows, inside the list's card: the pager. */
  footer?: ReactNode;
  /** The rows, given undefined while the first answer loads (they show a skeleton in their own shape then). */
  rows: (items: T[] | undefined) => ReactNode;
  /** What holds the list instead of a card, e.g. a stack of cards (list-layouts.tsx). */
  container?: (list: ReactNode) => ReactNode;
  /** What surrounds the list, e.g. a side panel with its create form (list-layouts.tsx). */
  layout?: (list: ReactNode) => ReactNode;
}

/**
 * The one list page template: header with the page's actions, the failure (whose message names the service) with a
 * retry, the empty state with its action, or the rows (a skeleton while the first answer loads); a failed refetch
 * keeps the rows on screen under the error. ResourceListPage (paged lists with URL state) adds its toolbar and pager;
 * the lists the BFF answers whole (routers, floating IPs, security groups, key pairs, flavors) use it directly.
 */
export function ListPageFrame<T>(p: ListPageFrameProps<T>) {
  const t = useT();
  const key = (k: keyof FrameTexts) => t(`${p.ns}.${k}` as MessageKey);
  const { data, error } = p.list;
  const empty = data?.items.length === 0;
  const failedFirst = !!error && !data;
  const retry = () => void p.list.refetch();
  // Instead of the rows: the failure (whose message names the service) with a retry, or the empty state, which
  // tells "nothing here" from "nothing matches". A failed refetch keeps the rows, under the error.
  const body = (
    <>
      {p.toolbar}
      {failedFirst ? (
        <div className="p-4">
          <QueryError title={key("error")} error={error} onRetry={retry} />
          <p className="mt-2 text-xs text-muted-foreground">{t("lists.errorHint")}</p>
        </div>
      ) : empty ? (
        <Suspense fallback={null}>
          {p.searching ? (
            <EmptyState
              icon="search"
              title={t("lists.noMatch")}
              description={t("lists.noMatchHint")}
              action={<Button onClick={p.onClearSearch}>{t("lists.clear")}</Button>}
            />
          ) : (
            <EmptyState icon={p.icon} title={key("empty")} description={key("emptyHint")} action={p.emptyAction} />
          )}
        </Suspense>
      ) : (
        <>
          {error ? <QueryError className="m-3" title={key("error")} error={error} onRetry={retry} /> : null}
          {p.rows(data?.items)}
        </>
      )}
      {failedFirst ? null : p.footer}
    </>
  );
  const list = p.container ? p.container(body) : <Card aria-label={key("title")}>{body}</Card>;
  return (
    <>
      <PageHeader eyebrow={t("nav.project")} title={key("title")} description={key("description")} actions={p.actions} />
      {p.layout ? p.layout(list) : list}
    </>
  );
}
