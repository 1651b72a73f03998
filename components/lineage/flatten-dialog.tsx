"use client";

import { useEffect, useState } from "react";
import { useLocale, useT } from "@/lib/i18n/client";
import { formatBytes } from "@/lib/format/bytes";
import { useFlattenPlan, useFlattenRun, type FlattenAdvice, type LineageFlatten } from "@/lib/queries/lineage-fanout";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";
import { FanoutBytesText } from "./fanout-bytes";
import { stepErrorText } from "./step-text";
import { PlanRunStatus } from "./plan-run-status";

/** The advice's flatten: the dry-run plan first (nothing changes), then confirm, then each step's result. */
export function FlattenDialog({ advice, onClose }: { advice: FlattenAdvice; onClose: () => void }) {
  const t = useT();
  const locale = useLocale();
  const plan = useFlattenPlan();
  const run = useFlattenRun();
  const [result, setResult] = useState<LineageFlatten | null>(null);
  const { mutate } = plan;
  // biome-ignore lint/correctness/useExhaustiveDependencies: one dry run per opened advice
  useEffect(() => mutate(advice.clones), [advice]);
  const shown = result ?? plan.data;
  const done = result !== null;
  const confirm = () => plan.data && run.mutate({ clones: advice.clones, planId: plan.data.planId }, { onSuccess: setResult });
  return (
    <Dialog
      open
      onOpenChange={(o) => (o ? undefined : onClose())}
      title={done ? t("lineageFanout.flatten.doneTitle") : t("lineageFanout.flatten.title")}
      description={done ? undefined : t("lineageFanout.flatten.description")}
      footer={
        done ? (
          <Button onClick={onClose}>{t("common.close")}</Button>
        ) : (
          <>
            <Button onClick={onClose} disabled={run.isPending}>
              {t("lineage.cleanup.cancel")}
            </Button>
            <Button variant="danger" onClick={confirm} disabled={!plan.data || run.isPending} data-testid="flatten-confirm">
              {run.isPending ? <Spinner /> : null}
              {t("lineageFanout.flatten.confirm", { count: plan.data?.steps.length ?? 0 })}
            </Button>
          </>
        )
      }
    >
      <PlanRunStatus
        planning={plan.isPending}
        planError={plan.error}
        runError={run.error}
        result={result}
        allOk={t("lineageFanout.flatten.allOk")}
      />
      {shown ? (
        <div className="space-y-2 text-sm" data-testid="flatten-plan">
          <ul className="space-y-1">
            {shown.notes.map((n) => (
              <li key={n.code} data-note={n.code}>
                {t(`lineageFanout.flatten.note.${n.code}`, n.params)}
              </li>
            ))}
          </ul>
          <ol className="space-y-1.5" aria-label={t("lineageFanout.flatten.stepsLabel")}>
            {shown.steps.map((s, i) => {
              const r = result?.results?.[i];
              return (
                <li key={s.image} className="flex flex-wrap items-center gap-2" data-step={s.image}>
                  <span className="tabular-nums">{i + 1}.</span>
                  <code className="break-all">{s.image}</code>
                  <span className="text-xs text-muted-foreground">
                    {t(`lineageFanout.state.${s.run.state}`)} · <FanoutBytesText value={s.bytes} /> ·{" "}
                    {t("lineageFanout.flatten.after", { space: formatBytes(s.provisionedBytes, locale) ?? "—" })}
                  </span>
                  {r ? (
                    <span className={r.status === "ok" ? "text-success" : "text-danger"} data-result={r.status}>
                      {t(`audit.results.${r.status === "skipped" ? "pending" : r.status}`)}
                    </span>
                  ) : null}
                  {r?.error ? (
                    <span className="w-full pl-5 text-xs text-muted-foreground" data-error={r.error.code}>
                      {stepErrorText(t, r.error)}
                    </span>
                  ) : null}
                </li>
              );
            })}
          </ol>
        </div>
      ) : null}
    </Dialog>
  );
}
