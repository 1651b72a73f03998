"use client";

import { useState } from "react";
import { useLocale, useT } from "@/lib/i18n/client";
import { isApiError } from "@/lib/api/errors";
import { formatBytes } from "@/lib/format/bytes";
import { formatTime } from "@/lib/format/relative-time";
import { LINEAGE_PAGE, useLineageRefresh, useLineageSummary } from "@/lib/queries/lineage";
import { PageHeader } from "@/components/common/page-header";
import { QueryError } from "@/components/common/query-error";
import { LineageRoots } from "@/components/lineage/lineage-roots";
import { LineageSearch } from "@/components/lineage/lineage-search";
import { FanoutPanel } from "@/components/lineage/fanout-panel";
import { OrphansPanel } from "@/components/lineage/orphans-panel";
import { RootTree } from "@/components/lineage/root-tree";
import { SpaceCell } from "@/components/lineage/space-cell";
import { WalksAlert } from "@/components/lineage/walks-alert";
import { CephUnavailableText } from "@/components/lineage/ceph-unavailable";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CardHeader, CardTitle } from "@/components/ui/card-sections";
import { EmptyState } from "@/components/ui/empty-state";
import { Icon } from "@/components/ui/icon";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";

export function LineageClient() {
  const t = useT();
  const locale = useLocale();
  const [filter, setFilter] = useState({ q: "", offset: 0 });
  const [open, setOpen] = useState<Set<string>>(new Set());
  const [found, setFound] = useState<{ spec: string; root: string; label: string } | null>(null);
  const q = useLineageSummary(filter);
  const refresh = useLineageRefresh();
  const forbidden = isApiError(q.error) && q.error.status === 403;
  const cephDown = isApiError(q.error) && q.error.code === "ceph_unavailable";
  const busy = refresh.isPending || (q.isFetching && !q.isPlaceholderData);

  const refreshButton = (
    <Button onClick={() => refresh.mutate()} disabled={busy || forbidden}>
      {busy ? <Spinner /> : <Icon name="refresh" />}
      {busy ? t("common.refreshing") : t("common.refresh")}
    </Button>
  );
  const header = (
    <PageHeader eyebrow={t("nav.admin")} title={t("lineage.title")} description={t("lineage.description")} actions={refreshButton} />
  );

  if (forbidden)
    return (
      <>
        {header}
        <Card>
          <EmptyState icon="lock" title={t("lineage.forbiddenTitle")} description={t("lineage.forbiddenBody")} />
        </Card>
      </>
    );
  if (cephDown)
    return (
      <>
        {header}
        <Alert tone="warning" title={t("lineage.cephUnavailable")}>
          <CephUnavailableText error={q.error} />
        </Alert>
      </>
    );
  if (q.error && !q.data)
    return (
      <>
        {header}
        <QueryError title={t("lineage.error")} error={q.error} onRetry={() => q.refetch()} />
      </>
    );
  if (!q.data)
    return (
      <>
        {header}
        <Card aria-busy="true">
          <div className="space-y-2 p-4">
            {[0, 1, 2].map((i) => (
              <Skeleton key={i} className="h-8" />
            ))}
          </div>
        </Card>
      </>
    );

  const d = q.data;
  const toggle = (root: string) =>
    setOpen((p) => {
      const n = new Set(p);
      if (n.has(root)) n.delete(root);
      else n.add(root);
      return n;
    });
  const pages = Math.max(1, Math.ceil(d.roots.total / LINEAGE_PAGE));
  const page = Math.floor(d.roots.offset / LINEAGE_PAGE) + 1;
  const bytes = (n: number) => formatBytes(n, locale) ?? "—";

  return (
    <div className="space-y-4">
      {header}
      {q.error || refresh.error ? (
        <QueryError title={t("lineage.error")} error={q.error ?? refresh.error} onRetry={() => q.refetch()} />
      ) : null}
      {d.pending.length > 0 ? (
        <Alert tone="info" title={t("lineage.pending.title")} role="status">
          {t("lineage.pending.body", { list: d.pending.map((p) => p.owner.name).join(", ") })}
        </Alert>
      ) : null}
      <WalksAlert walks={d.coverage.walks} />
      <p className="text-xs text-muted-foreground" data-testid="lineage-gathered">
        {t("lineage.coverage", { count: d.coverage.read })}
        {d.coverage.truncated ? ` ${t("lineage.coverageTruncated")}` : null}{" "}
        {d.coverage.listed != null ? `${t("lineageCoverage.listed", { listed: d.coverage.listed, read: d.coverage.read })} ` : null}
        {d.coverage.reused ? `${t("lineageCoverage.reused", { reused: d.coverage.reused, seconds: d.coverage.reusedForS ?? 0 })} ` : null}
        {t("lineage.gathered", { time: formatTime(d.gatheredAt, locale), seconds: d.sharedForS })}
        {d.regathering ? ` ${t("lineageCoverage.regathering")}` : null}
      </p>
      <Card aria-labelledby="lineage-totals-title">
        <CardHeader>
          <CardTitle id="lineage-totals-title">{t("lineage.totals.title")}</CardTitle>
        </CardHeader>
        <dl className="grid grid-cols-2 gap-x-6 gap-y-2 px-4 pb-4 text-sm md:grid-cols-4">
          <div>
            <dt className="text-xs text-muted-foreground">{t("lineage.totals.images")}</dt>
            <dd className="tabular-nums">{t("lineage.totals.imagesValue", { nodes: d.totals.nodes, trees: d.totals.trees })}</dd>
          </div>
          <div>
            <dt className="text-xs text-muted-foreground">{t("lineage.totals.used")}</dt>
            <dd className="tabular-nums">
              {t("lineage.usage", { used: bytes(d.totals.usedBytes), provisioned: bytes(d.totals.provisionedBytes) })}
              {d.totals.usedUnknown > 0 ? ` ${t("lineage.roots.usedUnknown", { count: d.totals.usedUnknown })}` : ""}
            </dd>
          </div>
          <div>
            <dt className="text-xs text-muted-foreground">{t("lineage.totals.space", { count: d.totals.space.clones })}</dt>
            <dd>
              <SpaceCell space={d.totals.space} />
            </dd>
          </div>
          <div>
            <dt className="text-xs text-muted-foreground">{t("lineage.totals.unrooted")}</dt>
            <dd className="tabular-nums">{d.totals.unrooted}</dd>
          </div>
        </dl>
      </Card>
      <OrphansPanel orphans={d.orphans} incomplete={d.coverage.walks.length > 0} />
      <FanoutPanel />
      <Card aria-labelledby="lineage-search-title">
        <CardHeader>
          <CardTitle id="lineage-search-title">{t("lineage.search.title")}</CardTitle>
        </CardHeader>
        <div className="px-4 pb-4">
          <LineageSearch onPick={(h) => h.root && setFound({ spec: h.spec, root: h.root, label: h.label })} />
          {found ? (
            <div className="mt-3" data-testid="lineage-found">
              <p className="mb-1 text-xs text-muted-foreground">{t("lineage.search.shown", { spec: found.spec })}</p>
              <RootTree key={found.root} root={found.root} label={found.label} highlight={found.spec} />
            </div>
          ) : null}
        </div>
      </Card>
      <Card aria-labelledby="lineage-roots-title">
        <CardHeader>
          <CardTitle id="lineage-roots-title">{t("lineage.roots.title", { count: d.roots.total })}</CardTitle>
          <Input
            className="max-w-64"
            type="search"
            aria-label={t("lineage.roots.filter")}
            placeholder={t("lineage.roots.filter")}
            value={filter.q}
            onChange={(e) => setFilter({ q: e.target.value, offset: 0 })}
          />
        </CardHeader>
        {d.roots.total === 0 ? (
          <EmptyState title={t("lineage.empty")} description={t("lineage.emptyHint")} />
        ) : (
          <>
            <LineageRoots roots={d.roots.items} open={open} onToggle={toggle} highlight={null} />
            {pages > 1 ? (
              <nav className="flex items-center justify-end gap-2 border-t px-4 py-2 text-xs" aria-label={t("lineage.roots.pages")}>
                <Button size="sm" disabled={page <= 1} onClick={() => setFilter((f) => ({ ...f, offset: f.offset - LINEAGE_PAGE }))}>
                  {t("lineage.roots.prev")}
                </Button>
                <span className="tabular-nums">{t("lineage.roots.page", { page, pages })}</span>
                <Button size="sm" disabled={page >= pages} onClick={() => setFilter((f) => ({ ...f, offset: f.offset + LINEAGE_PAGE }))}>
                  {t("lineage.roots.next")}
                </Button>
              </nav>
            ) : null}
          </>
        )}
      </Card>
    </div>
  );
}
