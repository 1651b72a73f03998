"use client";

import { useId, useState } from "react";
import { useLocale, useT } from "@/lib/i18n/client";
import { formatTime } from "@/lib/format/relative-time";
import { isApiError } from "@/lib/api/errors";
import {
  DEFAULT_DHCP_TARGET,
  DHCP_PAGE,
  useDhcpAudit,
  useDhcpNetworks,
  useDhcpRefresh,
  useExecuteDhcpHeal,
  usePlanDhcpHeal,
  type DhcpNetwork,
  type DhcpSummary,
} from "@/lib/queries/dhcp";
import { PageHeader } from "@/components/common/page-header";
import { QueryError } from "@/components/common/query-error";
import { DhcpAgentsPanel } from "@/components/dhcp/dhcp-agents-panel";
import { DhcpNetworkTable, isBelowTarget } from "@/components/dhcp/dhcp-network-table";
import { LazyHealDialog } from "@/components/dhcp/lazy-heal-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CardHeader, CardTitle } from "@/components/ui/card-sections";
import { EmptyState } from "@/components/ui/empty-state";
import { Icon } from "@/components/ui/icon";
import { Spinner } from "@/components/ui/spinner";

/** Why a heal of all below-target networks cannot add anything (from the BFF's counts), or null when it can. */
function healAllBlocker(s: DhcpSummary | undefined): "none" | "noAgent" | null {
  if (!s || s.belowTarget.total === 0) return "none";
  return s.healable > 0 ? null : "noAgent";
}

/** Why a heal of the selected networks cannot add anything, or null when it can. */
function healSelectedBlocker(s: DhcpSummary | undefined, picked: DhcpNetwork[]): "select" | "noneSelected" | "noAgent" | null {
  if (!picked.length) return "select";
  const below = picked.filter(isBelowTarget);
  if (!s || !below.length) return "noneSelected";
  const usable = s.agents.filter((a) => a.usable);
  return below.some((n) => usable.some((a) => !n.agents.some((h) => h.id === a.id))) ? null : "noAgent";
}

const REASON = {
  none: "dhcp.healReasonNone",
  noneSelected: "dhcp.healReasonNoneSelected",
  select: "dhcp.healReasonSelect",
  noAgent: "dhcp.healReasonNoAgent",
} as const;

export function DhcpClient() {
  const t = useT();
  const locale = useLocale();
  const reasonId = useId();
  const [target, setTarget] = useState(DEFAULT_DHCP_TARGET);
  const [onlyBelow, setOnlyBelow] = useState(false);
  const [offset, setOffset] = useState(0);
  const [selected, setSelected] = useState<Map<string, DhcpNetwork>>(new Map());
  const [dialogOpen, setDialogOpen] = useState(false);
  const [healIds, setHealIds] = useState<string[] | undefined>(undefined);
  const audit = useDhcpAudit(target);
  const page = useDhcpNetworks({ target, offset, below: onlyBelow, q: "" });
  const reread = useDhcpRefresh();
  const plan = usePlanDhcpHeal();
  const execute = useExecuteDhcpHeal();
  const forbidden = isApiError(audit.error) && audit.error.status === 403;
  const data = audit.data;
  const unavailable = data && data.availability !== "ok";
  const rows = page.data?.items;
  const picked = [...selected.values()];
  const selectedIds = picked.filter(isBelowTarget).map((n) => n.id);
  const selectedBlocker = healSelectedBlocker(data, picked);
  const allBlocker = healAllBlocker(data);
  const pages = Math.max(1, Math.ceil((page.data?.total ?? 0) / DHCP_PAGE));
  const pageNo = Math.floor(offset / DHCP_PAGE) + 1;

  const toggle = (id: string) =>
    setSelected((s) => {
      const n = new Map(s);
      const net = rows?.find((r) => r.id === id);
      if (n.has(id)) n.delete(id);
      else if (net) n.set(id, net);
      return n;
    });
  const startHeal = (ids: string[] | undefined) => {
    setHealIds(ids);
    execute.reset();
    plan.mutate({ networkIds: ids, target }, { onSuccess: () => setDialogOpen(true) });
  };
  const confirm = () => {
    if (!plan.data) return;
    execute.mutate({ networkIds: healIds, target, planId: plan.data.planId }, { onSuccess: () => setSelected(new Map()) });
  };

  const refresh = (
    <Button onClick={() => reread.mutate(target)} disabled={reread.isPending || audit.isFetching || forbidden}>
      {reread.isPending || audit.isFetching ? <Spinner /> : <Icon name="refresh" />}
      {reread.isPending || audit.isFetching ? t("common.refreshing") : t("common.refresh")}
    </Button>
  );
  const blockerText = (b: keyof typeof REASON | null) => (b ? t(REASON[b]) : undefined);

  return (
    <>
      <PageHeader eyebrow={t("nav.admin")} title={t("dhcp.title")} description={t("dhcp.description")} actions={refresh} />
      {forbidden ? (
        <Card>
          <EmptyState icon="lock" title={t("dhcp.forbiddenTitle")} description={t("dhcp.forbiddenBody")} />
        </Card>
      ) : unavailable ? (
        <Card>
          <EmptyState icon="dhcp" title={t("dhcp.noAgentsTitle")} description={t("dhcp.noAgentsBody", { reason: data.availability })} />
        </Card>
      ) : (
        <div className="space-y-4">
          <Card aria-labelledby="dhcp-networks-title">
            <CardHeader>
              <CardTitle id="dhcp-networks-title">{t("dhcp.networks")}</CardTitle>
              {data ? (
                <Badge tone={data.summary.down ? "danger" : data.summary.degraded ? "warning" : "success"} dot>
                  {t("dhcp.summary", { ok: data.summary.ok, degraded: data.summary.degraded, down: data.summary.down })}
                </Badge>
              ) : null}
              {data ? (
                <span className="text-xs text-muted-foreground" data-testid="dhcp-gathered">
                  {t("dhcp.gathered", { time: formatTime(data.gatheredAt, locale), seconds: data.sharedForS })}
                </span>
              ) : null}
              {data?.regathering ? (
                <span className="flex items-center gap-1 text-xs text-muted-foreground" role="status" data-testid="dhcp-regathering">
                  <Spinner />
                  {t("dhcp.regathering", { age: data.ageS })}
                </span>
              ) : null}
            </CardHeader>
            <div className="flex flex-wrap items-center gap-4 border-b px-4 py-3 text-sm">
              <label className="flex items-center gap-2" title={t("dhcp.targetHint")}>
                {t("dhcp.target")}
                <input
                  type="number"
                  min={1}
                  max={10}
                  value={target}
                  onChange={(e) => {
                    const v = Number(e.target.value);
                    if (v >= 1 && v <= 10) {
                      setTarget(v);
                      setSelected(new Map());
                    }
                  }}
                  className="h-8 w-16 rounded-md border border-input bg-surface px-2 tabular-nums"
                />
              </label>
              <label className="flex items-center gap-2">
                <input
                  type="checkbox"
                  className="size-4 accent-primary"
                  checked={onlyBelow}
                  onChange={(e) => {
                    setOnlyBelow(e.target.checked);
                    setOffset(0);
                  }}
                />
                {t("dhcp.onlyBelow")}
              </label>
              <div className="ml-auto flex flex-wrap items-center gap-2">
                <Button
                  onClick={() => startHeal(selectedIds)}
                  disabled={!!selectedBlocker || plan.isPending}
                  title={blockerText(selectedBlocker)}
                  aria-describedby={selectedBlocker ? `${reasonId}-sel` : undefined}
                >
                  {t("dhcp.heal", { count: selectedIds.length })}
                </Button>
                <Button
                  variant="primary"
                  onClick={() => startHeal(undefined)}
                  disabled={!!allBlocker || plan.isPending}
                  title={blockerText(allBlocker)}
                  aria-describedby={allBlocker ? `${reasonId}-all` : undefined}
                >
                  {plan.isPending ? <Spinner /> : null}
                  {plan.isPending ? t("dhcp.planning") : t("dhcp.healAll")}
                </Button>
              </div>
              {data && (allBlocker || selectedBlocker) ? (
                <p className="w-full text-xs text-muted-foreground">
                  {allBlocker ? (
                    <span id={`${reasonId}-all`}>{blockerText(allBlocker)}</span>
                  ) : (
                    <span id={`${reasonId}-sel`}>{blockerText(selectedBlocker)}</span>
                  )}
                </p>
              ) : null}
            </div>
            {plan.error ? (
              <div className="border-b p-3">
                <QueryError title={t("dhcp.planFailed")} error={plan.error} />
              </div>
            ) : null}
            {audit.error && !data ? (
              <div className="p-4">
                <QueryError title={t("dhcp.error")} error={audit.error} onRetry={() => audit.refetch()} />
              </div>
            ) : page.error && !rows ? (
              <div className="p-4">
                <QueryError title={t("dhcp.error")} error={page.error} onRetry={() => page.refetch()} />
              </div>
            ) : rows && rows.length === 0 ? (
              onlyBelow && data?.networks ? (
                <EmptyState title={t("dhcp.emptyBelow")} description={t("dhcp.emptyBelowHint")} />
              ) : (
                <EmptyState title={t("dhcp.empty")} description={t("dhcp.emptyHint")} />
              )
            ) : (
              <>
                <DhcpNetworkTable networks={rows} selected={new Set(selected.keys())} onToggle={toggle} />
                {pages > 1 ? (
                  <nav className="flex items-center justify-end gap-2 border-t px-4 py-2 text-xs" aria-label={t("dhcp.pages")}>
                    <Button size="sm" disabled={pageNo <= 1} onClick={() => setOffset((o) => o - DHCP_PAGE)}>
                      {t("dhcp.prev")}
                    </Button>
                    <span className="tabular-nums">{t("dhcp.page", { page: pageNo, pages, total: page.data?.total ?? 0 })}</span>
                    <Button size="sm" disabled={pageNo >= pages} onClick={() => setOffset((o) => o + DHCP_PAGE)}>
                      {t("dhcp.next")}
                    </Button>
                  </nav>
                ) : null}
              </>
            )}
          </Card>
          {data ? <DhcpAgentsPanel agents={data.agents} /> : null}
        </div>
      )}
      <LazyHealDialog
        open={dialogOpen}
        onOpenChange={(o) => {
          setDialogOpen(o);
          if (!o) {
            plan.reset();
            execute.reset();
          }
        }}
        plan={plan.data}
        result={execute.data}
        pending={execute.isPending}
        error={execute.error}
        onConfirm={confirm}
      />
    </>
  );
}
