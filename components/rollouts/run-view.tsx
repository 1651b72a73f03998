"use client";

import { useState } from "react";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { useCancelRollout, useRetryRollout, useRolloutRun, type RolloutMessage, type RolloutRun } from "@/lib/queries/rollouts";
import { useRolloutEvents } from "@/lib/queries/use-rollout-events";
import { QueryError } from "@/components/common/query-error";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CardContent, CardHeader, CardTitle } from "@/components/ui/card-sections";
import { Spinner } from "@/components/ui/spinner";
import { CancelRolloutDialog } from "./cancel-dialog";
import { HealthStrip } from "./health-strip";
import { RolloutStatusBadge } from "./status-badge";
import { haproxyState } from "./haproxy-state";
import { TaskGrid } from "./task-grid";

const VERDICT_TONE = { zero_downtime: "success", requests_failed: "danger", no_traffic: "warning", running: "info" } as const;

function useMessage() {
  const t = useT();
  return (m: NonNullable<RolloutMessage>) => t(m.code as MessageKey, m.params);
}

function BatchTimeline({ run }: { run: RolloutRun }) {
  const t = useT();
  const stateOf = (hosts: string[]) => {
    const hs = run.hosts.filter((h) => hosts.includes(h.host));
    if (hs.some((h) => ["failed", "unreachable", "gated", "interrupted"].includes(h.status))) return "danger";
    if (hs.every((h) => h.status === "ok")) return "success";
    if (hs.some((h) => h.status === "running")) return "info";
    return "neutral";
  };
  return (
    <ol className="flex flex-wrap gap-2" aria-label={t("rollouts.run.timeline")} data-testid="batch-timeline">
      {run.batches.map((b, i) => (
        <li key={i} data-batch={i + 1} data-state={stateOf(b)}>
          <Badge tone={stateOf(b)} dot>
            {t("rollouts.run.batchHosts", { index: i + 1, hosts: b.join(", ") })}
          </Badge>
        </li>
      ))}
    </ol>
  );
}

/** One run, live: batches, the backends' HAProxy states, the probe's counts, the grid, the verdict and why it stopped. */
export function RolloutRunView({ id, onOpen }: { id: string; onOpen: (id: string) => void }) {
  const t = useT();
  const msg = useMessage();
  const say = (status: string | null) => {
    const state = haproxyState(status ?? "?");
    return t(state.key, state.params);
  };
  const { data: run, error } = useRolloutRun(id);
  const running = run?.status === "running";
  const { live } = useRolloutEvents(id, running);
  const cancel = useCancelRollout();
  const retry = useRetryRollout();
  const [confirming, setConfirming] = useState(false);
  if (!run) return error ? <QueryError title={t("rollouts.run.error")} error={error} /> : <Spinner />;
  const failedHosts = run.hosts.filter((h) => h.error);
  const retryable = !running && run.hosts.some((h) => ["failed", "unreachable", "gated", "interrupted"].includes(h.status));
  const verdict = run.verdict ?? (running ? "running" : null);
  return (
    <Card aria-labelledby="rollout-run-title" data-testid="rollout-run" data-run-id={run.id} data-status={run.status}>
      <CardHeader>
        <CardTitle id="rollout-run-title">{t("rollouts.run.title", { id: run.id })}</CardTitle>
        <div className="flex flex-wrap items-center gap-2">
          {running && live ? (
            <Badge tone="info" dot>
              {t("rollouts.run.live")}
            </Badge>
          ) : null}
          <RolloutStatusBadge status={run.status} />
          {run.stoppedBy ? (
            <Badge tone="warning" data-testid="rollout-stopped-by" data-stopped-by={run.stoppedBy}>
              {t(`rollouts.stoppedBy.${run.stoppedBy}`)}
            </Badge>
          ) : null}
        </div>
      </CardHeader>
      <CardContent className="space-y-4 text-sm">
        <p className="text-muted-foreground">
          {t("rollouts.run.summary", {
            pool: run.pool,
            version: run.version,
            serial: run.serial,
            maxFail: run.maxFailPercentage,
            user: run.startedBy,
          })}
          {run.retryOf ? ` · ${t("rollouts.run.retryOf", { id: run.retryOf })}` : ""}
        </p>
        <BatchTimeline run={run} />
        <HealthStrip pool={run.pool} backends={run.backends} />
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" aria-live="polite">
          <div>
            <dt className="text-xs text-muted-foreground">{t("rollouts.run.served")}</dt>
            <dd className="text-lg font-semibold tabular-nums" data-testid="probe-served">
              {run.served}
            </dd>
          </div>
          <div>
            <dt className="text-xs text-muted-foreground">{t("rollouts.run.failed")}</dt>
            <dd
              className={run.failed ? "text-lg font-semibold tabular-nums text-danger" : "text-lg font-semibold tabular-nums"}
              data-testid="probe-failed"
            >
              {run.failed}
            </dd>
          </div>
          <div>
            <dt className="text-xs text-muted-foreground">{t("rollouts.run.duration")}</dt>
            <dd className="text-lg font-semibold tabular-nums">{t("rollouts.seconds", { seconds: run.durationSeconds })}</dd>
          </div>
          <div>
            <dt className="text-xs text-muted-foreground">{t("rollouts.run.verdictTitle")}</dt>
            <dd className="min-w-0">
              {verdict ? (
                <Badge wrap tone={VERDICT_TONE[verdict]} data-testid="rollout-verdict" data-verdict={verdict}>
                  {t(`rollouts.run.verdict.${verdict}`)}
                </Badge>
              ) : (
                "—"
              )}
            </dd>
          </div>
        </dl>
        {run.stopReason ? (
          <Alert tone={run.status === "cancelled" ? "info" : "warning"} title={msg(run.stopReason)} data-testid="rollout-stop-reason" />
        ) : null}
        {run.error ? <Alert tone="danger" title={msg(run.error)} /> : null}
        {run.restore ? (
          <Alert
            tone={run.restore.ok ? "info" : "danger"}
            title={
              run.restore.ok
                ? t("rollouts.restore.ok", { hosts: run.restore.hosts.join(", ") })
                : t("rollouts.restore.failed", { log: run.restore.log })
            }
            data-testid="rollout-restore"
          />
        ) : null}
        {failedHosts.map((h) => (
          <Alert
            key={h.host}
            tone="danger"
            title={t("rollouts.run.hostError", { host: h.host, task: h.failedTask ?? "" })}
            data-testid="host-error"
            data-host={h.host}
          >
            <code className="block whitespace-pre-wrap break-all text-xs text-foreground">{h.error}</code>
          </Alert>
        ))}
        <section aria-labelledby="rollout-grid-title" className="space-y-1.5">
          <h3 id="rollout-grid-title" className="text-xs font-semibold uppercase tracking-wide text-muted-foreground">
            {t("rollouts.run.grid")}
          </h3>
          <TaskGrid run={run} />
        </section>
        <section aria-labelledby="rollout-lb-title" className="space-y-1.5">
          <h3 id="rollout-lb-title" className="text-xs font-semibold uppercase tracking-wide text-muted-foreground">
            {t("rollouts.run.transitions")}
          </h3>
          {run.transitions.some((x) => x.from !== null) ? (
            <ol className="flex flex-wrap gap-x-3 gap-y-1 font-mono text-xs" data-testid="lb-transitions">
              {run.transitions
                .filter((x) => x.from !== null)
                .map((x, i) => (
                  <li key={i}>{t("rollouts.run.transition", { host: x.host, from: say(x.from), to: say(x.to) })}</li>
                ))}
            </ol>
          ) : (
            <p className="text-xs text-muted-foreground">{t("rollouts.run.noTransitions")}</p>
          )}
        </section>
        <div className="flex flex-wrap gap-2">
          {running ? (
            <Button
              variant="danger"
              onClick={() => {
                cancel.reset();
                setConfirming(true);
              }}
              data-testid="rollout-cancel"
            >
              {t("rollouts.run.cancel")}
            </Button>
          ) : null}
          {retryable ? (
            <Button
              onClick={() => retry.mutate(id, { onSuccess: (r) => onOpen(r.id) })}
              disabled={retry.isPending}
              data-testid="rollout-retry"
            >
              {retry.isPending ? <Spinner /> : null}
              {t("rollouts.run.retry")}
            </Button>
          ) : null}
        </div>
        {retry.error ? <QueryError title={t("rollouts.run.retryFailed")} error={retry.error} /> : null}
      </CardContent>
      <CancelRolloutDialog
        open={confirming}
        onOpenChange={setConfirming}
        pending={cancel.isPending}
        error={cancel.error}
        onConfirm={() => cancel.mutate(id, { onSuccess: () => setConfirming(false) })}
      />
    </Card>
  );
}
