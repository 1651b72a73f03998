"use client";

import { Suspense, useState } from "react";
import { useT } from "@/lib/i18n/client";
import { useCleanupPlan, useCleanupRun, type LineageCleanup, type LineageNode } from "@/lib/queries/lineage";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CardHeader, CardTitle } from "@/components/ui/card-sections";
import { Dialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Spinner } from "@/components/ui/spinner";
import { lazyWithPreload } from "@/lib/lazy";
import { NodeKindBadge } from "./node-kind-badge";
import { NodeUsage } from "./node-usage";
import { orphanReasonText } from "./orphan-reason";
import { PlanRunStatus } from "./plan-run-status";

/** The plan's steps show only once a dry run answered: their code (and its step texts) loads with the dry run. */
const PlanSteps = lazyWithPreload(() => import("./plan-steps").then((m) => m.PlanSteps));

/** Leftovers no live resource owns: pick some, see the dry-run plan, confirm, see each step's result. */
export function OrphansPanel({ orphans: nodes, incomplete = false }: { orphans: LineageNode[]; incomplete?: boolean }) {
  const t = useT();
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [open, setOpen] = useState(false);
  const plan = useCleanupPlan();
  const run = useCleanupRun();
  const [result, setResult] = useState<LineageCleanup | null>(null);
  const orphans = nodes.map((n) => n.spec);

  const chosen = orphans.filter((o) => picked.has(o));
  const toggle = (spec: string) =>
    setPicked((p) => {
      const n = new Set(p);
      if (n.has(spec)) n.delete(spec);
      else n.add(spec);
      return n;
    });
  const startPlan = () => {
    setResult(null);
    run.reset();
    setOpen(true);
    void PlanSteps.preload();
    plan.mutate(chosen);
  };
  const confirm = () =>
    plan.data &&
    run.mutate(
      { orphans: chosen, planId: plan.data.planId },
      {
        onSuccess: (r) => {
          setResult(r);
          setPicked(new Set());
        },
      },
    );
  const close = () => {
    setOpen(false);
    plan.reset();
  };
  const done = result !== null;

  return (
    <Card aria-labelledby="orphans-title">
      <CardHeader>
        <CardTitle id="orphans-title">{t("lineage.orphans.title", { count: orphans.length })}</CardTitle>
        <Button variant="danger" disabled={chosen.length === 0} onClick={startPlan}>
          {t("lineage.orphans.plan", { count: chosen.length })}
        </Button>
      </CardHeader>
      {orphans.length === 0 ? (
        <EmptyState
          icon="inbox"
          title={t(incomplete ? "lineage.orphans.emptyIncomplete" : "lineage.orphans.empty")}
          description={t(incomplete ? "lineage.orphans.emptyIncompleteHint" : "lineage.orphans.emptyHint")}
        />
      ) : (
        <ul className="divide-y text-sm" aria-label={t("lineage.orphans.listLabel")}>
          {nodes.map((n) => {
            const spec = n.spec;
            const id = `orphan-${spec.replace(/[^A-Za-z0-9]/g, "-")}`;
            return (
              <li key={spec} className="flex flex-wrap items-center gap-2 px-4 py-2">
                <input id={id} type="checkbox" className="size-4" checked={picked.has(spec)} onChange={() => toggle(spec)} />
                <label htmlFor={id} className="flex flex-wrap items-center gap-2">
                  <NodeKindBadge node={n} />
                  <code>{spec}</code>
                </label>
                {n.orphanReason ? (
                  <span className="text-xs text-muted-foreground" data-reason={n.orphanReason.code}>
                    {orphanReasonText(t, n.orphanReason)}
                  </span>
                ) : null}
                <NodeUsage node={n} />
                {n.blockedBy.length ? (
                  <span className="w-full pl-6 text-xs text-warning">
                    {t("lineage.orphans.flattenFirst", { list: n.blockedBy.join(", ") })}
                  </span>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      <Dialog
        open={open}
        onOpenChange={(o) => (o ? setOpen(true) : close())}
        title={done ? t("lineage.cleanup.doneTitle") : t("lineage.cleanup.title")}
        description={done ? undefined : t("lineage.cleanup.description")}
        footer={
          done ? (
            <Button onClick={close}>{t("common.close")}</Button>
          ) : (
            <>
              <Button onClick={close} disabled={run.isPending}>
                {t("lineage.cleanup.cancel")}
              </Button>
              <Button variant="danger" onClick={confirm} disabled={!plan.data || run.isPending}>
                {run.isPending ? <Spinner /> : null}
                {t("lineage.cleanup.confirm", { count: plan.data?.steps.length ?? 0 })}
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
          allOk={t("lineage.cleanup.allOk")}
        />
        {(result ?? plan.data) ? (
          <Suspense fallback={<Spinner />}>
            <PlanSteps steps={(result ?? plan.data)!.steps} results={result?.results ?? null} />
          </Suspense>
        ) : null}
      </Dialog>
    </Card>
  );
}
