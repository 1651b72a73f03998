import { useT } from "@/lib/i18n/client";
import { Badge } from "@/components/ui/badge";
import type { LineageCleanup, LineageCleanupStep } from "@/lib/queries/lineage";
import { orphanReasonText } from "./orphan-reason";
import { stepErrorText, stepWhyText } from "./step-text";

const TONE = { ok: "success", error: "danger", skipped: "neutral", refused: "warning" } as const;

/** The ordered steps of a cleanup plan and, once it ran, each step's outcome. */
export function PlanSteps({ steps, results }: { steps: LineageCleanupStep[]; results: LineageCleanup["results"] }) {
  const t = useT();
  return (
    <ol className="space-y-1.5 text-sm" aria-label={t("lineage.cleanup.stepsLabel")}>
      {steps.map((s, i) => {
        const r = results?.find((x) => x.index === i);
        return (
          <li key={i} className="flex flex-wrap items-center gap-2" data-step={s.op}>
            <span className="w-5 text-right text-muted-foreground tabular-nums">{i + 1}.</span>
            <Badge tone={s.op === "flatten" ? "info" : "warning"}>{t(`lineage.op.${s.op}`)}</Badge>
            <code className="text-xs">{s.snap ? `${s.image}@${s.snap}` : s.image}</code>
            {r ? (
              <Badge tone={TONE[r.status]} dot>
                {t(`lineage.result.${r.status}`)}
              </Badge>
            ) : null}
            <span className="w-full pl-7 text-xs text-muted-foreground">
              {r?.error ? stepErrorText(t, r.error) : s.reason ? orphanReasonText(t, s.reason) : stepWhyText(t, s.why)}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
