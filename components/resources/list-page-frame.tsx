"use client";

import type { ReactNode } from "react";
import { useT } from "@/lib/i18n/client";
import type { MessageKey, Messages } from "@/lib/i18n/translate";
import { PageHeader } from "@/components/common/page-header";
import { QueryError } from "@/components/common/query-error";
import { Card } from "@/components/ui/card";
import type { IconName } from "@/components/ui/icon";
import { ListStates } from "./table-states";

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
  const body = (
    <>
      {p.toolbar}
      <ListStates
        error={failedFirst && error}
        errorTitle={key("error")}
        onRetry={retry}
        empty={empty}
        searching={!!p.searching}
        onClearSearch={p.onClearSearch ?? retry}
        emptyIcon={p.icon}
        emptyTitle={key("empty")}
        emptyHint={key("emptyHint")}
        emptyAction={p.emptyAction}
      />
      {failedFirst || empty ? null : (
        <>
          {error ? <QueryError className="m-3" title={key("error")} error={error} onRetry={retry} /> : null}
          {p.rows(data?.items)}
        </>
      )}
      {p.footer}
    </>
  );
  const list = p.container ? (
    p.container(body)
  ) : (
    <Card aria-label={key("title")} aria-busy={!data}>
      {body}
    </Card>
  );
  return (
    <>
      <PageHeader eyebrow={t("nav.project")} title={key("title")} description={key("description")} actions={p.actions} />
      {p.layout ? p.layout(list) : list}
    </>
  );
}
