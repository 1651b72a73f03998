"use client";

import { useT } from "@/lib/i18n/client";
import { isApiError } from "@/lib/api/errors";
import type { DhcpHealPlan, DhcpHealResult } from "@/lib/queries/dhcp";
import { QueryError } from "@/components/common/query-error";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";

interface HealDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  plan: DhcpHealPlan | undefined;
  result: DhcpHealResult | undefined;
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
}

const STATUS = {
  added: { tone: "success", key: "dhcp.statusAdded" },
  "already-hosted": { tone: "info", key: "dhcp.statusAlready" },
  removed: { tone: "success", key: "dhcp.statusRemoved" },
  "already-removed": { tone: "info", key: "dhcp.statusAlreadyRemoved" },
  refused: { tone: "warning", key: "dhcp.statusRefused" },
  error: { tone: "danger", key: "dhcp.statusError" },
} as const;

/** The dry-run plan, step by step, with Confirm; after confirming, each step's result. Cancel has focus. */
export function HealDialog({ open, onOpenChange, plan, result, pending, error, onConfirm }: HealDialogProps) {
  const t = useT();
  const changed = isApiError(error) && error.code === "plan_changed";
  const canConfirm = !!plan && plan.steps.length > 0 && !result && !changed;
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => !pending && onOpenChange(o)}
      title={result ? t("dhcp.resultsTitle") : t("dhcp.planTitle")}
      description={result ? t("dhcp.resultsBody") : t("dhcp.planBody")}
      footer={
        <>
          <Button autoFocus onClick={() => onOpenChange(false)} disabled={pending}>
            {result ? t("common.close") : t("dhcp.cancel")}
          </Button>
          {result ? null : (
            <Button variant="primary" onClick={onConfirm} disabled={pending || !canConfirm}>
              {pending ? <Spinner /> : null}
              {t("dhcp.confirm")}
            </Button>
          )}
        </>
      }
    >
      {result ? (
        <ol className="space-y-1.5 text-sm" aria-label={t("dhcp.resultsTitle")}>
          {result.results.map((r) => (
            <li key={`${r.networkId}-${r.agentId}`} className="flex flex-wrap items-center gap-2" data-step-status={r.status}>
              <Badge tone={STATUS[r.status].tone} dot>
                {t(STATUS[r.status].key)}
              </Badge>
              <span>
                {t(r.op === "remove" ? "dhcp.stepRemove" : "dhcp.step", { host: r.agentHost, network: r.networkName || r.networkId })}
              </span>
              {r.detail ? <span className="w-full text-xs text-muted-foreground">{r.detail}</span> : null}
            </li>
          ))}
        </ol>
      ) : plan ? (
        <div className="space-y-3">
          {plan.steps.length ? (
            <ol className="list-decimal space-y-1 pl-5 text-sm" aria-label={t("dhcp.planTitle")}>
              {plan.steps.map((s) => (
                <li key={`${s.networkId}-${s.agentId}`} data-op={s.op}>
                  {t(s.op === "remove" ? "dhcp.stepRemove" : "dhcp.step", { host: s.agentHost, network: s.networkName || s.networkId })}
                </li>
              ))}
            </ol>
          ) : (
            <p className="text-sm">{t("dhcp.planEmpty")}</p>
          )}
          {plan.warnings.map((w) => (
            <Alert key={w.networkId} tone="warning" title={w.networkName || w.networkId}>
              {w.message}
            </Alert>
          ))}
        </div>
      ) : null}
      {changed ? (
        <Alert tone="warning" title={t("dhcp.healFailed")} className="mt-3">
          {t("dhcp.planChanged")}
        </Alert>
      ) : null}
      {error && !changed ? <QueryError className="mt-3" title={t("dhcp.healFailed")} error={error} /> : null}
    </Dialog>
  );
}
