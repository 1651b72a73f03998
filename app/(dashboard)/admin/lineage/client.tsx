"use client";

import { useMemo } from "react";
import { useT } from "@/lib/i18n/client";
import { isApiError } from "@/lib/api/errors";
import { useLineage } from "@/lib/queries/lineage";
import { PageHeader } from "@/components/common/page-header";
import { QueryError } from "@/components/common/query-error";
import { LineageTree } from "@/components/lineage/lineage-tree";
import { OrphansPanel } from "@/components/lineage/orphans-panel";
import { CephUnavailableText } from "@/components/lineage/ceph-unavailable";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CardHeader, CardTitle } from "@/components/ui/card-sections";
import { EmptyState } from "@/components/ui/empty-state";
import { Icon } from "@/components/ui/icon";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";

const SERVICE = { glance: "Glance", nova: "Nova", cinder: "Cinder" } as const;

export function LineageClient() {
  const t = useT();
  const q = useLineage();
  const forbidden = isApiError(q.error) && q.error.status === 403;
  const cephDown = isApiError(q.error) && q.error.code === "ceph_unavailable";
  const nodes = useMemo(() => new Map((q.data?.nodes ?? []).map((n) => [n.spec, n])), [q.data]);

  const refresh = (
    <Button onClick={() => q.refetch()} disabled={q.isFetching || forbidden}>
      {q.isFetching ? <Spinner /> : <Icon name="refresh" />}
      {q.isFetching ? t("common.refreshing") : t("common.refresh")}
    </Button>
  );
  const header = <PageHeader eyebrow={t("nav.admin")} title={t("lineage.title")} description={t("lineage.description")} actions={refresh} />;

  if (forbidden)
    return <>{header}<Card><EmptyState icon="lock" title={t("lineage.forbiddenTitle")} description={t("lineage.forbiddenBody")} /></Card></>;
  if (cephDown)
    return <>{header}<Alert tone="warning" title={t("lineage.cephUnavailable")}><CephUnavailableText error={q.error} /></Alert></>;
  if (q.error && !q.data)
    return <>{header}<QueryError title={t("lineage.error")} error={q.error} onRetry={() => q.refetch()} /></>;
  if (!q.data)
    return <>{header}<Card aria-busy="true"><div className="space-y-2 p-4">{[0, 1, 2].map((i) => <Skeleton key={i} className="h-8" />)}</div></Card></>;

  return (
    <div className="space-y-4">
      {header}
      {q.error ? <QueryError title={t("lineage.error")} error={q.error} onRetry={() => q.refetch()} /> : null}
      {q.data.pending.length > 0 ? (
        <Alert tone="info" title={t("lineage.pending.title")} role="status">
          {t("lineage.pending.body", { list: q.data.pending.map((p) => p.owner.name).join(", ") })}
        </Alert>
      ) : null}
      {q.data.coverage.walks.length > 0 ? (
        <Alert tone="warning" title={t("lineage.walk.title")} role="status" data-testid="lineage-walk-incomplete">
          <ul className="space-y-1">
            {q.data.coverage.walks.map((w) => (
              <li key={`${w.service}-${w.code}`} data-walk={`${w.service}:${w.code}`}>
                {t(`lineage.walk.${w.code}`, { ...w.params, service: SERVICE[w.service], pool: w.pool })}
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <p className="text-xs text-muted-foreground">
        {t("lineage.coverage", { count: q.data.coverage.read })}
        {q.data.coverage.truncated ? ` ${t("lineage.coverageTruncated")}` : null}
      </p>
      <OrphansPanel orphans={q.data.orphans} nodes={nodes} incomplete={q.data.coverage.walks.length > 0} />
      {q.data.trees.length === 0 ? (
        <Card><EmptyState title={t("lineage.empty")} description={t("lineage.emptyHint")} /></Card>
      ) : (
        q.data.trees.map((tree) => (
          <Card key={tree.root} aria-labelledby={`tree-${tree.root}`} data-tree={tree.label}>
            <CardHeader>
              <CardTitle id={`tree-${tree.root}`}>{tree.label}</CardTitle>
            </CardHeader>
            <div className="p-2">
              <LineageTree root={tree.root} label={tree.label} nodes={nodes} />
            </div>
          </Card>
        ))
      )}
    </div>
  );
}
