"use client";

import Link from "next/link";
import { useT } from "@/lib/i18n/client";
import { useBootProgress } from "@/lib/queries/use-boot-progress";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button, buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CardContent, CardHeader, CardTitle } from "@/components/ui/card-sections";
import { Spinner } from "@/components/ui/spinner";
import { QueryError } from "@/components/common/query-error";
import { PathDiagram } from "./path-diagram";
import { seconds } from "./format";

const OUTCOME_TONE = { building: "info", active: "success", error: "danger" } as const;
const VERDICT_TONE = { on_track: "neutral", slower_than_predicted: "warning", past_nova_wait: "danger", finished: "neutral" } as const;

/** The launched server, live: phases with timestamps, elapsed against the prediction, Nova's fault verbatim. */
export function ProgressView({ serverId, name, onAnother }: { serverId: string; name: string; onAnother: () => void }) {
  const t = useT();
  const { data: p, error, live, trace } = useBootProgress(serverId);
  const start = p ? Date.parse(p.startedAt) : 0;
  const pct = p?.prediction ? Math.min(100, (p.elapsedSeconds / Math.max(p.prediction.p90, 0.1)) * 100) : 0;
  return (
    <Card
      aria-labelledby="progress-title" data-testid="boot-progress" data-outcome={p?.outcome ?? "building"}
      data-stream-events={trace.events} data-stream-first-done={trace.firstDone === null ? undefined : String(trace.firstDone)}
    >
      <CardHeader>
        <CardTitle id="progress-title">{t("boot.progress.title", { name })}</CardTitle>
        <div className="flex items-center gap-2">
          <Badge tone={live ? "success" : "neutral"} dot>{live ? t("boot.progress.live") : t("boot.progress.polling")}</Badge>
          {p ? <Badge tone={OUTCOME_TONE[p.outcome]} data-testid="progress-outcome">{t(`boot.progress.outcome.${p.outcome}`)}</Badge> : <Spinner />}
        </div>
      </CardHeader>
      <CardContent className="space-y-4 text-sm">
        {error && !p ? <QueryError title={t("boot.progress.error")} error={error} /> : null}
        {p?.prediction ? (
          <div className="space-y-1.5" aria-live="polite">
            <PathDiagram path={p.prediction.path} />
            <div className="flex flex-wrap items-center justify-between gap-2">
              <span data-testid="progress-elapsed">{t("boot.progress.elapsedVsPredicted", { elapsed: seconds(p.elapsedSeconds), p50: p.prediction.p50, p90: p.prediction.p90 })}</span>
              <Badge tone={VERDICT_TONE[p.verdict]}>{t(`boot.progress.verdict.${p.verdict}`)}</Badge>
            </div>
            <div className="h-2 overflow-hidden rounded-full bg-muted" role="progressbar" aria-label={t("boot.progress.elapsed")}
              aria-valuemin={0} aria-valuemax={p.prediction.p90} aria-valuenow={Math.min(p.elapsedSeconds, p.prediction.p90)}>
              <div className={p.outcome === "error" ? "h-full bg-danger" : p.outcome === "active" ? "h-full bg-success" : "h-full bg-primary"} style={{ width: `${pct}%` }} />
            </div>
          </div>
        ) : null}
        {p?.fault ? (
          <Alert tone="danger" title={t("boot.progress.fault")} data-testid="progress-fault">
            <code className="block whitespace-pre-wrap break-all text-xs text-foreground">{p.fault.message}</code>
          </Alert>
        ) : null}
        {p ? (
          <section aria-labelledby="phases-title">
            <h3 id="phases-title" className="mb-1.5 text-xs font-semibold uppercase tracking-wide text-muted-foreground">{t("boot.progress.phasesTitle")}</h3>
            <ol className="space-y-1" data-testid="progress-phases">
              {p.phases.map((ph) => (
                <li key={ph.phase} className="flex items-baseline gap-2" data-phase={ph.phase}>
                  <time dateTime={ph.at} className="w-16 shrink-0 text-right font-mono text-xs text-muted-foreground">+{seconds(Math.max(0, (Date.parse(ph.at) - start) / 1000))} s</time>
                  <Badge>{t(`boot.progress.source.${ph.source}`)}</Badge>
                  <span>{ph.phase === "volume_creating" && p.prediction?.path === "rbd-clone-volume" ? t("boot.progress.volumeCreatingClone") : t(`boot.progress.phases.${ph.phase}`)}</span>
                </li>
              ))}
            </ol>
            {p.volume ? <p className="mt-2 text-xs text-muted-foreground">{t("boot.progress.volume", { id: p.volume.id, status: p.volume.status })}</p> : null}
          </section>
        ) : null}
        <div className="flex flex-wrap gap-2">
          <Link href={`/project/instances/${serverId}`} className={buttonVariants({ variant: "primary" })}>{t("boot.progress.openInstance")}</Link>
          <Button onClick={onAnother}>{t("boot.progress.launchAnother")}</Button>
        </div>
      </CardContent>
    </Card>
  );
}
