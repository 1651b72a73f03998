"use client";

import { Suspense, useEffect } from "react";
import { useT } from "@/lib/i18n/client";
import { lazyWithPreload } from "@/lib/lazy";
import type { BootPlan } from "@/lib/queries/boot";
import { Card } from "@/components/ui/card";
import { CardContent, CardHeader, CardTitle } from "@/components/ui/card-sections";
import { Spinner } from "@/components/ui/spinner";
import { QueryError } from "@/components/common/query-error";

/** The plan's body: fetched as soon as there is a source to plan for, alongside the plan request. */
const PlanBody = lazyWithPreload(() => import("./plan-body").then((m) => m.PlanBody));

interface Props {
  plan: BootPlan | undefined;
  loading: boolean;
  stale: boolean;
  error: unknown;
  hasSource: boolean;
  onRetry: () => void;
}

/** The live plan: path with a diagram, why (the four checks with evidence), cost, and each risk with its fix. */
export function PlanPanel({ plan, loading, stale, error, hasSource, onRetry }: Props) {
  const t = useT();
  useEffect(() => {
    if (hasSource) void PlanBody.preload();
  }, [hasSource]);
  const waiting = (
    <p className="flex items-center gap-2 text-muted-foreground">
      <Spinner />
      {t("boot.plan.loading")}
    </p>
  );
  return (
    <Card aria-labelledby="plan-title" aria-busy={loading || stale} data-testid="plan-panel">
      <CardHeader>
        <CardTitle id="plan-title">{t("boot.plan.title")}</CardTitle>
        {stale || loading ? (
          <span className="flex items-center gap-1 text-xs text-muted-foreground">
            <Spinner />
            {t("boot.plan.stale")}
          </span>
        ) : null}
      </CardHeader>
      <CardContent className="space-y-4 text-sm" aria-live="polite">
        {!hasSource ? (
          <p className="text-muted-foreground">{t("boot.plan.chooseSource")}</p>
        ) : error && !plan ? (
          <QueryError title={t("boot.plan.error")} error={error} onRetry={onRetry} />
        ) : !plan ? (
          waiting
        ) : (
          <Suspense fallback={waiting}>
            <PlanBody plan={plan} />
          </Suspense>
        )}
      </CardContent>
    </Card>
  );
}
