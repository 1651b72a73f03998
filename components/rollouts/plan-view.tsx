"use client";

import { useT } from "@/lib/i18n/client";
import type { RolloutPlan } from "@/lib/queries/rollouts";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";

/** The dry run: batches in order, the hosts in each, and the backends left UP while it runs. */
export function PlanView({ plan }: { plan: RolloutPlan }) {
  const t = useT();
  return (
    <section aria-labelledby="rollout-plan-title" className="space-y-2" data-testid="rollout-plan" data-plan-id={plan.planId}>
      <h3 id="rollout-plan-title" className="text-sm font-semibold">
        {t("rollouts.form.planTitle")}
      </h3>
      <p className="text-xs text-muted-foreground">{t("rollouts.form.planBody")}</p>
      {plan.drain ? null : <Alert tone="warning" title={t("rollouts.poolNoDrain")} />}
      <ol className="space-y-1.5 text-sm">
        {plan.batches.map((b) => (
          <li key={b.index} className="flex flex-wrap items-center gap-2" data-batch={b.index} data-allowed={b.allowed}>
            <span className="font-medium">{t("rollouts.form.batch", { index: b.index })}</span>
            <span className="font-mono text-xs">{b.hosts.map((h) => h.host).join(", ")}</span>
            <Badge tone={b.allowed ? "success" : "danger"}>
              {t("rollouts.form.capacity", { up: b.capacityLeft, min: plan.minHealthy })}
            </Badge>
            {b.allowed ? null : <span className="text-xs text-danger">{t("rollouts.form.guardBlocked")}</span>}
          </li>
        ))}
      </ol>
      {plan.guardStopsAt ? <Alert tone="warning" title={t("rollouts.form.guardStops", { index: plan.guardStopsAt })} /> : null}
    </section>
  );
}
