"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useT } from "@/lib/i18n/client";
import { QueryError } from "@/components/common/query-error";
import { Skeleton } from "@/components/ui/skeleton";

/** A tab's loading, error and empty states around its content, the same in every tab. */
export function TabState<T>({
  q,
  empty,
  isEmpty,
  children,
}: {
  q: UseQueryResult<T>;
  empty: ReactNode;
  isEmpty: (d: T) => boolean;
  children: (d: T) => ReactNode;
}) {
  const t = useT();
  if (q.data !== undefined) return isEmpty(q.data) ? <p className="p-4 text-sm text-muted-foreground">{empty}</p> : children(q.data);
  if (q.error) return <QueryError title={t("instanceOps.error")} error={q.error} onRetry={() => q.refetch()} />;
  return (
    <div aria-busy className="space-y-2 p-4">
      <Skeleton className="h-5 w-full" />
      <Skeleton className="h-5 w-2/3" />
    </div>
  );
}
