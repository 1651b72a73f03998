"use client";

import { Suspense, type ReactNode } from "react";
import type { UseQueryResult } from "@tanstack/react-query";
import { useT } from "@/lib/i18n/client";
import { lazyWithPreload } from "@/lib/lazy";
import { QueryError } from "@/components/common/query-error";
import { Card } from "@/components/ui/card";
import type { IconName } from "@/components/ui/icon";
import { ListStates } from "./table-states";
import { UnavailableNotice } from "@/components/common/unavailable-notice";

// Only lists longer than a page show the pager: its code loads when it is shown (rendered on the server all the same).
const Pager = lazyWithPreload(() => import("./pager").then((m) => m.Pager));

interface Page<T> {
  items: T[];
  nextMarker: string | null;
  mode: "upstream" | "scanned";
  truncated: boolean;
  unavailable?: { service: string; code: string }[];
}

interface ResourceListCardProps<T> {
  label: string;
  query: UseQueryResult<Page<T>>;
  cursor: string[];
  search: string;
  filtered: boolean;
  onPage: (cursor: string[]) => void;
  onClear: () => void;
  toolbar: ReactNode;
  /** The table, given the rows (undefined while the first page loads). */
  table: (items: T[] | undefined) => ReactNode;
  errorTitle: string;
  empty: { icon: IconName; title: string; hint: ReactNode; action?: ReactNode };
}

/**
 * A resource list in a card: toolbar, then the failure (naming the service) or the empty state or the table,
 * then the pager. A failed refetch keeps the rows on screen under the error.
 */
export function ResourceListCard<T>(p: ResourceListCardProps<T>) {
  const t = useT();
  const data = p.query.data;
  const empty = !!data && data.items.length === 0;
  const failedFirst = !!p.query.error && !data;
  return (
    <Card aria-label={p.label}>
      {p.toolbar}
      {data?.truncated ? (
        <p role="status" className="border-b bg-warning-soft px-4 py-2 text-xs">
          {t("lists.truncated")}
        </p>
      ) : null}
      <UnavailableNotice unavailable={data?.unavailable} className="border-b" />
      <ListStates
        error={failedFirst ? p.query.error : null}
        errorTitle={p.errorTitle}
        onRetry={() => p.query.refetch()}
        empty={empty}
        searching={!!p.search || p.filtered}
        onClearSearch={p.onClear}
        emptyIcon={p.empty.icon}
        emptyTitle={p.empty.title}
        emptyHint={p.empty.hint}
        emptyAction={p.empty.action}
      />
      {!failedFirst && !empty ? (
        <>
          {p.query.error ? (
            <div className="border-b p-3">
              <QueryError title={p.errorTitle} error={p.query.error} onRetry={() => p.query.refetch()} />
            </div>
          ) : null}
          {p.table(data?.items)}
        </>
      ) : null}
      {!failedFirst && (data?.nextMarker || p.cursor.length > 0) ? (
        <Suspense fallback={null}>
          <Pager
            cursor={p.cursor}
            nextMarker={data?.nextMarker}
            count={data?.items.length ?? 0}
            fetching={p.query.isFetching}
            onPage={p.onPage}
          />
        </Suspense>
      ) : null}
    </Card>
  );
}
