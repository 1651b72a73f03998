"use client";

import { useT } from "@/lib/i18n/client";
import { BOOT_STEPS, useBootWizardStore, type BootStep } from "@/lib/stores/boot-wizard-store";
import { cn } from "@/lib/cn";
import type { Problem } from "./validation";

/** The five steps as an ordered list of buttons; the current one has aria-current="step". */
export function WizardSteps({ problems }: { problems: Problem[] }) {
  const t = useT();
  const step = useBootWizardStore((s) => s.step);
  const update = useBootWizardStore((s) => s.update);
  const attempt = useBootWizardStore((s) => s.attempt);
  // Jumping ahead passes the steps in between: their errors show from then on, as after Next.
  const go = (to: BootStep) => {
    for (const s of BOOT_STEPS.slice(BOOT_STEPS.indexOf(step), BOOT_STEPS.indexOf(to))) attempt(s);
    update({ step: to });
  };
  return (
    <nav aria-label={t("boot.steps.label")}>
      <ol className="flex flex-wrap gap-1">
        {BOOT_STEPS.map((s: BootStep, i) => {
          const bad = problems.some((p) => p.step === s);
          return (
            <li key={s}>
              <button
                type="button"
                aria-current={step === s ? "step" : undefined}
                onClick={() => go(s)}
                className={cn(
                  "flex items-center gap-2 rounded-md px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-ring",
                  step === s ? "bg-primary text-primary-foreground" : "text-muted-foreground hover:bg-muted",
                )}
              >
                <span
                  className={cn(
                    "grid size-5 place-items-center rounded-full border text-xs",
                    step === s ? "border-primary-foreground/40" : "border-border",
                  )}
                >
                  {i + 1}
                </span>
                {t(`boot.steps.${s}`)}
                {bad && step !== s ? (
                  <span className="size-1.5 rounded-full bg-danger" aria-hidden data-testid={`step-problem-${s}`} />
                ) : null}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
