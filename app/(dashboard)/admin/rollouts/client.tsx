"use client";

import { Suspense, useCallback, useEffect, useState } from "react";
import { lazyWithPreload } from "@/lib/lazy";
import { Spinner } from "@/components/ui/spinner";
import { useT } from "@/lib/i18n/client";
import { isApiError } from "@/lib/api/errors";
import { useRolloutPools, useRolloutRuns } from "@/lib/queries/rollouts";
import { PageHeader } from "@/components/common/page-header";
import { QueryError } from "@/components/common/query-error";
import { HealthStrip } from "@/components/rollouts/health-strip";
import { RolloutRunsTable } from "@/components/rollouts/runs-table";
import { StartRolloutForm } from "@/components/rollouts/start-form";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { CardContent, CardHeader, CardTitle } from "@/components/ui/card-sections";
import { EmptyState } from "@/components/ui/empty-state";
import { parseRunParam } from "./search-params";

/** The run view (grid, timeline, live events) loads when a run is opened: the first screen is the pools and the form. */
const RolloutRunView = lazyWithPreload(() => import("@/components/rollouts/run-view").then((m) => m.RolloutRunView));

export function RolloutsClient({ initialRunId }: { initialRunId: string | null }) {
  const t = useT();
  const pools = useRolloutPools();
  const runs = useRolloutRuns();
  const [runId, setRunId] = useState(initialRunId);
  // the selected run lives in ?run= (shareable, back button); links in the table change it without a reload
  const open = useCallback((id: string) => {
    window.history.pushState(null, "", `?run=${id}`);
    setRunId(id);
  }, []);
  useEffect(() => {
    const onPop = () => setRunId(parseRunParam(new URLSearchParams(window.location.search).get("run") ?? undefined));
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, []);
  const forbidden = isApiError(pools.error) && pools.error.status === 403;
  const p = pools.data;
  const usable = p?.config.state === "ok" && p.tools.ansiblePlaybook;

  if (forbidden) {
    return (
      <>
        <PageHeader eyebrow={t("nav.admin")} title={t("rollouts.title")} description={t("rollouts.description")} />
        <Card>
          <EmptyState icon="lock" title={t("dhcp.forbiddenTitle")} description={t("dhcp.forbiddenBody")} />
        </Card>
      </>
    );
  }
  return (
    <>
      <PageHeader eyebrow={t("nav.admin")} title={t("rollouts.title")} description={t("rollouts.description")} />
      <div className="grid gap-4 lg:grid-cols-[minmax(0,22rem)_minmax(0,1fr)]">
        <div className="space-y-4">
          {pools.error && !p ? <QueryError title={t("rollouts.runsError")} error={pools.error} onRetry={() => pools.refetch()} /> : null}
          {p?.config.state === "unconfigured" ? (
            <Alert tone="info" title={t("rollouts.configUnconfiguredTitle")} data-testid="rollouts-config">
              {t("rollouts.configUnconfiguredBody")}
            </Alert>
          ) : null}
          {p?.config.state === "invalid" ? (
            <Alert tone="danger" title={t("rollouts.configInvalidTitle")} data-testid="rollouts-config">
              <code className="block whitespace-pre-wrap break-all text-xs">
                {t("rollouts.configInvalidBody", { file: p.config.file ?? "", message: p.config.message ?? "" })}
              </code>
            </Alert>
          ) : null}
          {p?.tools.missingPackages.length ? (
            <Alert tone="warning" title={t("rollouts.missingTitle")} data-testid="rollouts-missing">
              <code className="text-xs">{t("rollouts.missingBody", { packages: p.tools.missingPackages.join(" ") })}</code>
            </Alert>
          ) : null}
          {p?.pools.length ? (
            <Card aria-labelledby="rollout-pools-title">
              <CardHeader>
                <CardTitle id="rollout-pools-title">{t("rollouts.poolsTitle")}</CardTitle>
              </CardHeader>
              <CardContent className="space-y-3">
                {p.pools.map((pool) => (
                  <div key={pool.name} className="space-y-1.5" data-testid="rollout-pool" data-pool={pool.name}>
                    <div className="flex flex-wrap items-center gap-2 text-sm">
                      <span className="font-medium">{pool.name}</span>
                      <Badge>{t("rollouts.poolMinHealthy", { count: pool.minHealthy })}</Badge>
                      {pool.drain ? null : <Badge tone="warning">{t("rollouts.poolNoDrain")}</Badge>}
                    </div>
                    {pool.description ? <p className="text-xs text-muted-foreground">{pool.description}</p> : null}
                    {pool.lbError ? (
                      <p className="text-xs text-danger">{t("rollouts.lbError", { message: pool.lbError })}</p>
                    ) : (
                      <HealthStrip pool={pool.name} backends={pool.backends} />
                    )}
                  </div>
                ))}
              </CardContent>
            </Card>
          ) : null}
          {p?.pools.length ? <StartRolloutForm pools={p.pools} disabled={!usable} onStarted={open} /> : null}
        </div>
        <div className="min-w-0 space-y-4">
          {runId ? (
            <Suspense fallback={<Spinner />}>
              <RolloutRunView key={runId} id={runId} onOpen={open} />
            </Suspense>
          ) : null}
          <Card aria-labelledby="rollout-runs-title">
            <CardHeader>
              <CardTitle id="rollout-runs-title">{t("rollouts.runsTitle")}</CardTitle>
            </CardHeader>
            {runs.error && !runs.data ? (
              <div className="p-4">
                <QueryError title={t("rollouts.runsError")} error={runs.error} onRetry={() => runs.refetch()} />
              </div>
            ) : runs.data && runs.data.length === 0 ? (
              <EmptyState title={t("rollouts.runsEmpty")} description={t("rollouts.runsEmptyHint")} />
            ) : (
              <RolloutRunsTable runs={runs.data ?? []} selected={runId} hrefOf={(id) => `?run=${id}`} />
            )}
          </Card>
        </div>
      </div>
    </>
  );
}
