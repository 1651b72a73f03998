"use client";

import { useT } from "@/lib/i18n/client";
import { useLineageTree } from "@/lib/queries/lineage";
import { QueryError } from "@/components/common/query-error";
import { Skeleton } from "@/components/ui/skeleton";
import { LineageTree } from "./lineage-tree";

/** A root's tree, fetched when it is opened. */
export function RootTree({ root, label, highlight }: { root: string; label: string; highlight?: string | null }) {
  const t = useT();
  const q = useLineageTree(root);
  if (q.error) return <QueryError title={t("lineage.treeError")} error={q.error} onRetry={() => q.refetch()} />;
  if (!q.data) return <div aria-busy="true" className="space-y-2 p-2">{[0, 1].map((i) => <Skeleton key={i} className="h-8" />)}</div>;
  return <LineageTree label={label} rows={q.data.rows} highlight={highlight} />;
}
