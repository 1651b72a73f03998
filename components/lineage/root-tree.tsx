"use client";

import { Suspense } from "react";
import { useT } from "@/lib/i18n/client";
import { lazyWithPreload } from "@/lib/lazy";
import { useLineageTree } from "@/lib/queries/lineage";
import { QueryError } from "@/components/common/query-error";
import { Skeleton } from "@/components/ui/skeleton";

// The virtualized tree (and @tanstack/react-virtual) loads when a tree is first opened, not with the summary.
const LineageTree = lazyWithPreload(() => import("./lineage-tree").then((m) => m.LineageTree));
/** Fetch the tree's code ahead of a click: on pointer over, or focus of, what opens a tree. */
export const preloadLineageTree = () => void LineageTree.preload();

const Busy = () => (
  <div aria-busy="true" className="space-y-2 p-2">
    {[0, 1].map((i) => (
      <Skeleton key={i} className="h-8" />
    ))}
  </div>
);

/** A root's tree, fetched when it is opened. */
export function RootTree({ root, label, highlight }: { root: string; label: string; highlight?: string | null }) {
  const t = useT();
  const q = useLineageTree(root);
  if (q.error) return <QueryError title={t("lineage.treeError")} error={q.error} onRetry={() => q.refetch()} />;
  if (!q.data) return <Busy />;
  return (
    <Suspense fallback={<Busy />}>
      <LineageTree label={label} rows={q.data.rows} highlight={highlight} />
    </Suspense>
  );
}
