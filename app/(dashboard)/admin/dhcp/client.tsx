"use client";

import { useId, useMemo, useState } from "react";
import { useT } from "@/lib/i18n/client";
import { isApiError } from "@/lib/api/errors";
import { DEFAULT_DHCP_TARGET, useDhcpAudit, useExecuteDhcpHeal, usePlanDhcpHeal, type DhcpAudit } from "@/lib/queries/dhcp";
import { PageHeader } from "@/components/common/page-header";
import { QueryError } from "@/components/common/query-error";
import { DhcpAgentsPanel } from "@/components/dhcp/dhcp-agents-panel";
import { DhcpNetworkTable, isBelowTarget } from "@/components/dhcp/dhcp-network-table";
import { HealDialog } from "@/components/dhcp/heal-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CardHeader, CardTitle } from "@/components/ui/card-sections";
import { EmptyState } from "@/components/ui/empty-state";
import { Icon } from "@/components/ui/icon";
import { Spinner } from "@/components/ui/spinner";

/** Why a heal of these networks cannot add anything, or null when it can. */
function healBlocker(audit: DhcpAudit | undefined, ids: string[] | undefined): "none" | "noneSelected" | "noAgent" | null {
  if (!audit) return "none";
  const below = audit.networks.filter(isBelowTarget).filter((n) => !ids || ids.includes(n.id));
  if (!below.length) return ids ? "noneSelected" : "none";
  const usable = audit.agents.filter((a) => a.usable);
  const canAdd = below.some((n) => usable.some((a) => !n.agents.some((h) => h.id === a.id)));
  return canAdd ? null : "noAgent";
}

const REASON = {
  none: "dhcp.healReasonNone", noneSelected: "dhcp.healReasonNoneSelected", select: "dhcp.healReasonSelect", noAgent: "dhcp.healReasonNoAgent",
} as const;

export function DhcpClient() {
  const t = useT();
  const reasonId = useId();
  const [target, setTarget] = useState(DEFAULT_DHCP_TARGET);
  const [onlyBelow, setOnlyBelow] = useState(false);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [dialogOpen, setDialogOpen] = useState(false);
  const [healIds, setHealIds] = useState<string[] | undefined>(undefined);
  const audit = useDhcpAudit(target);
  const plan = usePlanDhcpHeal();
  const execute = useExecuteDhcpHeal();
  const forbidden = isApiError(audit.error) && audit.error.status === 403;
  const data = audit.data;
  const unavailable = data && data.availability !== "ok";
  const rows = useMemo(() => (data ? (onlyBelow ? data.networks.filter(isBelowTarget) : data.networks) : undefined), [data, onlyBelow]);
  const selectedIds = data ? data.networks.filter((n) => selected.has(n.id) && isBelowTarget(n)).map((n) => n.id) : [];
  const selectedBlocker = selectedIds.length ? healBlocker(data, selectedIds) : "select";
  const allBlocker = healBlocker(data, undefined);

  const toggle = (id: string) => setSelected((s) => { const n = new Set(s); if (n.has(id)) n.delete(id); else n.add(id); return n; });
  const startHeal = (ids: string[] | undefined) => {
    setHealIds(ids);
    execute.reset();
    plan.mutate({ networkIds: ids, target }, { onSuccess: () => setDialogOpen(true) });
  };
  const confirm = () => {
    if (!plan.data) return;
    execute.mutate({ networkIds: healIds, target, planId: plan.data.planId }, { onSuccess: () => setSelected(new Set()) });
  };

  const refresh = (
    <Button onClick={() => audit.refetch()} disabled={audit.isFetching || forbidden}>
      {audit.isFetching ? <Spinner /> : <Icon name="refresh" />}
      {audit.isFetching ? t("common.refreshing") : t("common.refresh")}
    </Button>
  );
  const blockerText = (b: keyof typeof REASON | null) => (b ? t(REASON[b]) : undefined);

  return (
    <>
      <PageHeader eyebrow={t("nav.admin")} title={t("dhcp.title")} description={t("dhcp.description")} actions={refresh} />
      {forbidden ? (
        <Card><EmptyState icon="lock" title={t("dhcp.forbiddenTitle")} description={t("dhcp.forbiddenBody")} /></Card>
      ) : unavailable ? (
        <Card><EmptyState icon="dhcp" title={t("dhcp.noAgentsTitle")} description={t("dhcp.noAgentsBody", { reason: data.availability })} /></Card>
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
            </CardHeader>
            <div className="flex flex-wrap items-center gap-4 border-b px-4 py-3 text-sm">
              <label className="flex items-center gap-2" title={t("dhcp.targetHint")}>
                {t("dhcp.target")}
                <input
                  type="number" min={1} max={10} value={target}
                  onChange={(e) => { const v = Number(e.target.value); if (v >= 1 && v <= 10) setTarget(v); }}
                  className="h-8 w-16 rounded-md border border-input bg-surface px-2 tabular-nums"
                />
              </label>
              <label className="flex items-center gap-2">
                <input type="checkbox" className="size-4 accent-primary" checked={onlyBelow} onChange={(e) => setOnlyBelow(e.target.checked)} />
                {t("dhcp.onlyBelow")}
              </label>
              <div className="ml-auto flex flex-wrap items-center gap-2">
                <Button
                  onClick={() => startHeal(selectedIds)} disabled={!!selectedBlocker || plan.isPending}
                  title={blockerText(selectedBlocker)} aria-describedby={selectedBlocker ? `${reasonId}-sel` : undefined}
                >
                  {t("dhcp.heal", { count: selectedIds.length })}
                </Button>
                <Button
                  variant="primary" onClick={() => startHeal(undefined)} disabled={!!allBlocker || plan.isPending}
                  title={blockerText(allBlocker)} aria-describedby={allBlocker ? `${reasonId}-all` : undefined}
                >
                  {plan.isPending ? <Spinner /> : null}
                  {plan.isPending ? t("dhcp.planning") : t("dhcp.healAll")}
                </Button>
              </div>
              {data && (allBlocker || selectedBlocker) ? (
                <p className="w-full text-xs text-muted-foreground">
                  {allBlocker ? <span id={`${reasonId}-all`}>{blockerText(allBlocker)}</span> : <span id={`${reasonId}-sel`}>{blockerText(selectedBlocker)}</span>}
                </p>
              ) : null}
            </div>
            {plan.error ? <div className="border-b p-3"><QueryError title={t("dhcp.planFailed")} error={plan.error} /></div> : null}
            {audit.error && !data ? (
              <div className="p-4"><QueryError title={t("dhcp.error")} error={audit.error} onRetry={() => audit.refetch()} /></div>
            ) : rows && rows.length === 0 ? (
              onlyBelow && data!.networks.length
                ? <EmptyState title={t("dhcp.emptyBelow")} description={t("dhcp.emptyBelowHint")} />
                : <EmptyState title={t("dhcp.empty")} description={t("dhcp.emptyHint")} />
            ) : (
              <DhcpNetworkTable networks={rows} selected={selected} onToggle={toggle} />
            )}
          </Card>
          {data ? <DhcpAgentsPanel agents={data.agents} /> : null}
        </div>
      )}
      <HealDialog
        open={dialogOpen}
        onOpenChange={(o) => { setDialogOpen(o); if (!o) { plan.reset(); execute.reset(); } }}
        plan={plan.data} result={execute.data} pending={execute.isPending} error={execute.error} onConfirm={confirm}
      />
    </>
  );
}
