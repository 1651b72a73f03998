"use client";

import { useId, useState, type FormEvent } from "react";
import { useT } from "@/lib/i18n/client";
import { isApiError } from "@/lib/api/errors";
import { usePlanRollout, useStartRollout, type RolloutPool, type RolloutStartInput } from "@/lib/queries/rollouts";
import { QueryError } from "@/components/common/query-error";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CardContent, CardHeader, CardTitle } from "@/components/ui/card-sections";
import { Input, Label } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";
import { PlanView } from "./plan-view";

const SERIAL = /^([1-9]\d{0,3}|([1-9]\d?|100)%)$/;
const VERSION = /^[A-Za-z0-9][A-Za-z0-9._+-]{0,63}$/;

/** Pool, serial, max_fail_percentage and version; the dry-run plan shows before the start button. */
export function StartRolloutForm({
  pools,
  disabled,
  onStarted,
}: {
  pools: RolloutPool[];
  disabled: boolean;
  onStarted: (id: string) => void;
}) {
  const t = useT();
  const id = useId();
  const [input, setInput] = useState<RolloutStartInput>({ pool: pools[0]?.name ?? "", serial: "1", maxFailPercentage: 0, version: "v2" });
  const plan = usePlanRollout();
  const start = useStartRollout();
  const set = (patch: Partial<RolloutStartInput>) => {
    setInput((i) => ({ ...i, ...patch }));
    plan.reset();
    start.reset();
  };
  const serialOk = SERIAL.test(input.serial);
  const versionOk = VERSION.test(input.version);
  const changed = isApiError(start.error) && start.error.code === "plan_changed";
  const submit = (e: FormEvent) => {
    e.preventDefault();
    start.reset();
    plan.mutate(input);
  };
  const confirm = () =>
    plan.data &&
    start.mutate(
      { ...input, planId: plan.data.planId },
      {
        onSuccess: (r) => {
          plan.reset();
          onStarted(r.id);
        },
      },
    );
  return (
    <Card aria-labelledby={`${id}-title`}>
      <CardHeader>
        <CardTitle id={`${id}-title`}>{t("rollouts.form.title")}</CardTitle>
      </CardHeader>
      <CardContent className="space-y-4">
        <form onSubmit={submit} className="grid gap-3 sm:grid-cols-2" data-testid="rollout-form">
          <div className="space-y-1 sm:col-span-2">
            <Label htmlFor={`${id}-pool`}>{t("rollouts.form.pool")}</Label>
            <Select
              id={`${id}-pool`}
              className="w-full"
              value={input.pool}
              onChange={(e) => set({ pool: e.target.value })}
              disabled={disabled}
            >
              {pools.map((p) => (
                <option key={p.name} value={p.name}>
                  {p.name}
                </option>
              ))}
            </Select>
          </div>
          <div className="space-y-1">
            <Label htmlFor={`${id}-serial`}>{t("rollouts.form.serial")}</Label>
            <Input
              id={`${id}-serial`}
              value={input.serial}
              onChange={(e) => set({ serial: e.target.value.trim() })}
              aria-invalid={!serialOk}
              aria-describedby={`${id}-serial-hint`}
            />
            <p id={`${id}-serial-hint`} className="text-xs text-muted-foreground">
              {t("rollouts.form.serialHint")}
            </p>
          </div>
          <div className="space-y-1">
            <Label htmlFor={`${id}-maxfail`}>{t("rollouts.form.maxFail")}</Label>
            <Input
              id={`${id}-maxfail`}
              type="number"
              min={0}
              max={100}
              value={input.maxFailPercentage}
              onChange={(e) => {
                const v = Number(e.target.value);
                if (v >= 0 && v <= 100) set({ maxFailPercentage: Math.round(v) });
              }}
              aria-describedby={`${id}-maxfail-hint`}
            />
            <p id={`${id}-maxfail-hint`} className="text-xs text-muted-foreground">
              {t("rollouts.form.maxFailHint")}{" "}
              <span className="block">
                {t("rollouts.form.ansibleTerm")} <code className="break-all font-mono text-[11px]">max_fail_percentage</code>
              </span>
            </p>
          </div>
          <div className="space-y-1 sm:col-span-2">
            <Label htmlFor={`${id}-version`}>{t("rollouts.form.version")}</Label>
            <Input
              id={`${id}-version`}
              value={input.version}
              onChange={(e) => set({ version: e.target.value.trim() })}
              aria-invalid={!versionOk}
              aria-describedby={`${id}-version-hint`}
            />
            <p id={`${id}-version-hint`} className="text-xs text-muted-foreground">
              {t("rollouts.form.versionHint")}
            </p>
          </div>
          <div className="sm:col-span-2">
            <Button
              type="submit"
              disabled={disabled || !input.pool || !serialOk || !versionOk || plan.isPending}
              data-testid="rollout-dry-run"
            >
              {plan.isPending ? <Spinner /> : null}
              {plan.isPending ? t("rollouts.form.planning") : t("rollouts.form.plan")}
            </Button>
          </div>
        </form>
        {plan.error ? <QueryError title={t("rollouts.form.planFailed")} error={plan.error} /> : null}
        {plan.data ? (
          <div className="space-y-3 border-t pt-3">
            <PlanView plan={plan.data} />
            <div className="flex gap-2">
              <Button variant="primary" onClick={confirm} disabled={start.isPending || changed} data-testid="rollout-confirm">
                {start.isPending ? <Spinner /> : null}
                {start.isPending ? t("rollouts.form.starting") : t("rollouts.form.confirm")}
              </Button>
              <Button
                onClick={() => {
                  plan.reset();
                  start.reset();
                }}
                disabled={start.isPending}
              >
                {t("rollouts.form.discard")}
              </Button>
            </div>
          </div>
        ) : null}
        {changed ? <Alert tone="warning" title={t("rollouts.form.planChanged")} /> : null}
        {start.error && !changed ? <QueryError title={t("rollouts.form.startFailed")} error={start.error} /> : null}
      </CardContent>
    </Card>
  );
}
