"use client";

import { Suspense, type ReactNode } from "react";
import { useT } from "@/lib/i18n/client";
import { lazyWithPreload } from "@/lib/lazy";
import { QueryError } from "@/components/common/query-error";
import { Button } from "@/components/ui/button";
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

interface ListStatesProps {
  error: unknown;
  errorTitle: string;
  onRetry: () => void;
  /** No items and no data yet: the table renders skeletons instead. */
  empty: boolean;
  searching: boolean;
  onClearSearch: () => void;
  emptyIcon: IconName;
  emptyTitle: string;
  emptyHint: ReactNode;
  emptyAction?: ReactNode;
}

/**
 * What a list shows instead of (or above) its rows: the failure (whose message names the service) with a
 * retry, or the empty state, which distinguishes "nothing here" from "nothing matches".
 */
export function ListStates(p: ListStatesProps): ReactNode {
  const t = useT();
  if (p.error) {
    return (
      <div className="p-4">
        <QueryError title={p.errorTitle} error={p.error} onRetry={p.onRetry} />
        <p className="mt-2 text-xs text-muted-foreground">{t("lists.errorHint")}</p>
      </div>
    );
  }
  if (!p.empty) return null;
  return (
    <Suspense fallback={null}>
      {p.searching ? (
        <EmptyState
          icon="search"
          title={t("lists.noMatch")}
          description={t("lists.noMatchHint")}
          action={<Button onClick={p.onClearSearch}>{t("lists.clear")}</Button>}
        />
      ) : (
        <EmptyState icon={p.emptyIcon} title={p.emptyTitle} description={p.emptyHint} action={p.emptyAction} />
      )}
    </Suspense>
  );
}
