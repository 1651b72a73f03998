"use client";

import Link from "next/link";
import { useEffect, useMemo, useState } from "react";
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
import type { MessageKey } from "@/lib/i18n/translate";
import { secs } from "./plan-text";
import { progressClock } from "./progress-clock";
import { NovaFault } from "@/components/instances/nova-fault";

/** The wall clock, ticking once a second while `on`. */
function useNow(on: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!on) return;
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, [on]);
  return now;
}

const OUTCOME_TONE = { building: "info", active: "success", error: "danger" } as const;
const VERDICT_TONE = { on_track: "neutral", slower_than_predicted: "warning", past_nova_wait: "danger", finished: "neutral" } as const;

/** The launched server, live: phases with timestamps, elapsed against the prediction, Nova's fault verbatim. */
export function ProgressView({ serverId, name, onAnother }: { serverId: string; name: string; onAnother: () => void }) {
  const t = useT();
  const { data: p, error, live, trace } = useBootProgress(serverId);
  const start = p ? Date.parse(p.startedAt) : 0;
  // The stream answers only when something changes: the clock runs on from when the last answer arrived.
  // biome-ignore lint/correctness/useExhaustiveDependencies: p is the trigger: a new answer restarts the clock
  const receivedAt = useMemo(() => Date.now(), [p]);
  const now = useNow(p?.outcome === "building");
  const clock = p ? progressClock(p, receivedAt, Math.max(now, receivedAt)) : null;
  const volumeStatus = (st: string) =>
    st === "creating" || st === "downloading" ? t(`boot.progress.volumeStatuses.${st}` as MessageKey) : st;
  return (
    <Card
      aria-labelledby="progress-title"
      data-testid="boot-progress"
      data-outcome={p?.outcome ?? "building"}
      data-stream-events={trace.events}
      data-stream-first-done={trace.firstDone === null ? undefined : String(trace.firstDone)}
    >
      <CardHeader>
        <CardTitle id="progress-title">{t("boot.progress.title", { name })}</CardTitle>
        <div className="flex items-center gap-2">
          <Badge tone={live ? "success" : "neutral"} dot>
            {live ? t("boot.progress.live") : t("boot.progress.polling")}
          </Badge>
          {p ? (
            <Badge tone={OUTCOME_TONE[p.outcome]} data-testid="progress-outcome">
              {t(`boot.progress.outcome.${p.outcome}`)}
            </Badge>
          ) : (
            <Spinner />
          )}
        </div>
      </CardHeader>
      <CardContent className="space-y-4 text-sm">
        {error && !p ? <QueryError title={t("boot.progress.error")} error={error} /> : null}
        {p?.prediction && clock ? (
          <div className="space-y-1.5" aria-live="polite">
            <PathDiagram path={p.prediction.path} />
            <div className="flex flex-wrap items-center justify-between gap-2">
              <span data-testid="progress-elapsed" data-elapsed={Math.floor(clock.elapsed)}>
                {t("boot.progress.elapsedVsPredicted", {
                  elapsed: secs(t, Math.floor(clock.elapsed)),
                  p50: secs(t, p.prediction.p50),
                  p90: secs(t, p.prediction.p90),
                })}
              </span>
              <Badge tone={VERDICT_TONE[p.verdict]}>{t(`boot.progress.verdict.${p.verdict}`)}</Badge>
            </div>
            <div
              className="h-2 overflow-hidden rounded-full bg-muted"
              role="progressbar"
              aria-label={t("boot.progress.elapsed")}
              data-testid="progress-bar"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={Math.round(clock.percent)}
            >
              <div
                className={p.outcome === "error" ? "h-full bg-danger" : p.outcome === "active" ? "h-full bg-success" : "h-full bg-primary"}
                style={{ width: `${clock.percent}%` }}
              />
            </div>
            {clock.countdown ? (
              <p
                className="font-medium tabular-nums"
                data-testid="progress-countdown"
                data-remaining={Math.ceil(clock.countdown.remaining)}
                data-volume-status={clock.countdown.status}
              >
                {t("boot.progress.countdown", {
                  remaining: secs(t, Math.ceil(clock.countdown.remaining)),
                  wait: secs(t, clock.countdown.wait),
                  status: volumeStatus(clock.countdown.status),
                })}
              </p>
            ) : null}
            {clock.overdue ? (
              <Alert
                tone="warning"
                data-testid="progress-overdue"
                data-kind={clock.overdue.kind}
                title={t(`boot.progress.overdue.${clock.overdue.kind}`, {
                  p50: secs(t, p.prediction.p50),
                  percent: clock.overdue.percent,
                  expected: secs(t, clock.overdue.expected),
                })}
              />
            ) : null}
          </div>
        ) : null}
        {p?.fault ? (
          <Alert tone="danger" title={t("boot.progress.fault")} data-testid="progress-fault">
            <NovaFault reason={p.fault.reason} message={p.fault.message} />
          </Alert>
        ) : null}
        {p ? (
          <section aria-labelledby="phases-title">
            <h3 id="phases-title" className="mb-1.5 text-xs font-semibold uppercase tracking-wide text-muted-foreground">
              {t("boot.progress.phasesTitle")}
            </h3>
            <ol className="space-y-1" data-testid="progress-phases">
              {p.phases.map((ph) => (
                <li key={ph.phase} className="flex items-baseline gap-2" data-phase={ph.phase}>
                  <time dateTime={ph.at} className="w-16 shrink-0 text-right font-mono text-xs text-muted-foreground">
                    {t("boot.progress.phaseAt", { time: secs(t, Math.max(0, (Date.parse(ph.at) - start) / 1000)) })}
                  </time>
                  <Badge>{t(`boot.progress.source.${ph.source}`)}</Badge>
                  <span>
                    {ph.phase === "volume_creating" && p.prediction?.path === "rbd-clone-volume" && !clock?.overdue
                      ? t("boot.progress.volumeCreatingClone")
                      : t(`boot.progress.phases.${ph.phase}`)}
                  </span>
                </li>
              ))}
            </ol>
            {p.volume ? (
              <p className="mt-2 text-xs text-muted-foreground">
                {t("boot.progress.volume", { id: p.volume.id, status: volumeStatus(p.volume.status) })}
              </p>
            ) : null}
          </section>
        ) : null}
        <div className="flex flex-wrap gap-2">
          <Link href={`/project/instances/${serverId}`} className={buttonVariants({ variant: "primary" })}>
            {t("boot.progress.openInstance")}
          </Link>
          <Button onClick={onAnother}>{t("boot.progress.launchAnother")}</Button>
        </div>
      </CardContent>
    </Card>
  );
}
