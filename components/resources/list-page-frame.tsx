"use client";

import type { ReactNode } from "react";
import { useT } from "@/lib/i18n/client";
import type { MessageKey, Messages } from "@/lib/i18n/translate";
import { PageHeader } from "@/components/common/page-header";
import { QueryError } from "@/components/common/query-error";
import { Card } from "@/components/ui/card";
import type { IconName } from "@/components/ui/icon";
import { Skeleton } from "@/components/ui/skeleton";
import { ListStates } from "./table-states";

/** The texts a list page's i18n namespace must have: `<ns>.title`, `.description`, `.error`, `.empty`; `.emptyHint` if it has one. */
interface FrameTexts {
  title: string;
  description: string;
  error: string;
  empty: string;
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
  /** A panel beside the list, e.g. its create form (below it on narrow screens). */
  aside?: ReactNode;
  /** A search or filter is narrowing the list: its empty state is "nothing matches", with a way to clear it. */
  searching?: boolean;
  onClearSearch?: () => void;
  /** Above the rows, inside the list's card: the toolbar, notices. */
  toolbar?: ReactNode;
  /** Below the rows, inside the list's card: the pager. */
  footer?: ReactNode;
  /** The rows as a table in the list's card, given undefined while the first answer loads (it shows skeleton rows in its own shape). */
  table?: (items: T[] | undefined) => ReactNode;
  /** Or the rows as a stack of cards, shown once the first answer is in (the frame shows the skeleton until then). */
  cards?: (items: T[]) => ReactNode;
}

/**
 * The one list page template: header with the page's actions, the failure (whose message names the service) with a
 * retry, the skeleton while the first answer loads, the empty state with its action, then the rows; a failed refetch
 * keeps the rows on screen under the error. ResourceListPage (paged lists with URL state) adds its toolbar and pager to
 * it; the lists the BFF answers whole (routers, floating IPs, security groups, key pairs, flavors) use it directly.
 */
export function ListPageFrame<T>(p: ListPageFrameProps<T>) {
  const t = useT();
  const key = (k: keyof FrameTexts | "emptyHint") => `${p.ns}.${k}` as MessageKey;
  const hint = t(key("emptyHint"));
  const { data, error } = p.list;
  const items = data?.items;
  const empty = !!items && items.length === 0;
  const failedFirst = !!error && !data;
  const retry = () => void p.list.refetch();
  const body = (
    <>
      {p.toolbar}
      <ListStates
        error={failedFirst ? error : null}
        errorTitle={t(key("error"))}
        onRetry={retry}
        empty={empty}
        searching={!!p.searching}
        onClearSearch={p.onClearSearch ?? retry}
        emptyIcon={p.icon}
        emptyTitle={t(key("empty"))}
        emptyHint={hint === key("emptyHint") ? undefined : hint}
        emptyAction={p.emptyAction}
      />
      {!failedFirst && !empty ? (
        <>
          {error ? (
            <div className={p.cards ? undefined : "border-b p-3"}>
              <QueryError title={t(key("error"))} error={error} onRetry={retry} />
            </div>
          ) : null}
          {p.cards ? items ? p.cards(items) : <Skeleton className="h-16 w-full" /> : p.table?.(items)}
        </>
      ) : null}
      {p.footer}
    </>
  );
  // A stack of cards shows its failure and empty state in a card of their own; a table lives in the list's card.
  const list = p.cards ? (
    <div className="space-y-3" aria-busy={!data}>
      {failedFirst || empty ? <Card aria-label={t(key("title"))}>{body}</Card> : body}
    </div>
  ) : (
    <Card aria-label={t(key("title"))} aria-busy={!data}>
      {body}
    </Card>
  );
  return (
    <>
      <PageHeader eyebrow={t("nav.project")} title={t(key("title"))} description={t(key("description"))} actions={p.actions} />
      {p.aside ? (
        <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_26rem]">
          {list}
          {p.aside}
        </div>
      ) : (
        list
      )}
    </>
  );
}
