"use client";

import { useT } from "@/lib/i18n/client";
import type { BootOptions, BootPlan } from "@/lib/queries/boot";
import { useBootWizardStore, type BootStep } from "@/lib/stores/boot-wizard-store";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { reviewRows } from "./review-rows";
import { problemText, type Problem } from "./validation";

/** A summary of the draft (as the plan will carry it out) and every problem that blocks the launch, each with a way back to its step. */
export function ReviewStep({ options, plan, problems }: { options: BootOptions; plan: BootPlan | undefined; problems: Problem[] }) {
  const t = useT();
  const d = useBootWizardStore();
  const rows = reviewRows(t, d, options, plan);
  return (
    <div className="space-y-4">
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
        {rows.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-muted-foreground">{k}</dt>
            <dd className="break-all">{v}</dd>
          </div>
        ))}
      </dl>
      {problems.length ? (
        <Alert tone="danger" title={t("boot.review.problems")} data-testid="review-problems">
          <ul className="mt-1 space-y-1">
            {problems.map((p) => (
              <li key={p.field} className="flex flex-wrap items-center gap-2">
                <span>{problemText(t, p)}</span>
                {p.step !== "review" ? <GoTo step={p.step} /> : null}
              </li>
            ))}
          </ul>
        </Alert>
      ) : (
        <Alert tone="info" title={t("boot.review.ready")} />
      )}
    </div>
  );
}

function GoTo({ step }: { step: BootStep }) {
  const t = useT();
  const update = useBootWizardStore((s) => s.update);
  return (
    <Button variant="link" size="sm" onClick={() => update({ step })}>
      {t("boot.review.goTo", { step: t(`boot.steps.${step}`) })}
    </Button>
  );
}
