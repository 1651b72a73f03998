"use client";

import { Suspense, useEffect, useMemo, useState } from "react";
import { lazyWithPreload } from "@/lib/lazy";
import { useHydrated } from "@/lib/use-hydrated";
import { useT } from "@/lib/i18n/client";
import { useBootOptions, useBootPlan, useLaunchBoot } from "@/lib/queries/boot";
import { useSession } from "@/lib/queries/auth";
import { BOOT_STEPS, draftOwner, useBootWizardStore } from "@/lib/stores/boot-wizard-store";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CardContent } from "@/components/ui/card-sections";
import { Spinner } from "@/components/ui/spinner";
import { QueryError } from "@/components/common/query-error";
import { PlanPanel } from "./plan-panel";
import { SourceStep, VolumeOptions } from "./source-step";
import { loadBootSchema, useBootSchema } from "./boot-schema";
import { shown } from "./validation";
import { WizardSteps } from "./wizard-steps";
import { quotaLabel } from "./quota-label";

// The first screen is the source step; the others, and the progress after a launch, load on intent (pointer over or
// focus in the wizard) or when shown.
const FlavorStep = lazyWithPreload(() => import("./other-steps").then((m) => m.FlavorStep));
const NetworksStep = lazyWithPreload(() => import("./other-steps").then((m) => m.NetworksStep));
const SecurityStep = lazyWithPreload(() => import("./other-steps").then((m) => m.SecurityStep));
const ReviewStep = lazyWithPreload(() => import("./review-step").then((m) => m.ReviewStep));
const ProgressView = lazyWithPreload(() => import("./progress-view").then((m) => m.ProgressView));
const preloadLaterSteps = () => {
  for (const c of [VolumeOptions, FlavorStep, NetworksStep, SecurityStep, ReviewStep, ProgressView]) void c.preload();
};
function StepLoading() {
  const t = useT();
  return (
    <p className="flex items-center gap-2 text-sm text-muted-foreground">
      <Spinner />
      {t("common.loading")}
    </p>
  );
}

export function LaunchWizard() {
  const t = useT();
  const d = useBootWizardStore();
  // The draft lives in sessionStorage, read when the store loads in the browser; render it only once hydrated so
  // server and client agree.
  const hydrated = useHydrated();
  const session = useSession();
  // The draft belongs to one user in one project: anyone else starts from an empty one.
  const owner = session.data ? draftOwner(session.data) : null;
  useEffect(() => {
    if (hydrated && owner) useBootWizardStore.getState().claim(owner);
  }, [hydrated, owner]);
  const options = useBootOptions();
  // The shared schema loads on intent over the wizard, or once there is something to check.
  const [intent, setIntent] = useState(false);
  const schema = useBootSchema(intent || !!d.source || d.step !== "source" || d.touched.length > 0);
  const planReq = useMemo(() => (schema ? schema.toPlanRequest(d, options.data, schema) : null), [d, options.data, schema]);
  const plan = useBootPlan(planReq);
  const launch = useLaunchBoot();
  const problems = schema ? schema.validateDraft(d, options.data, plan.data, schema) : [];
  const visible = problems.filter((p) => shown(p, d));
  const at = BOOT_STEPS.indexOf(d.step);

  if (!hydrated || options.isPending || !owner || d.owner !== owner)
    return (
      <Card>
        <CardContent className="flex items-center gap-2 text-sm text-muted-foreground">
          <Spinner />
          {t("common.loading")}
        </CardContent>
      </Card>
    );
  if (options.error) return <QueryError title={t("boot.plan.error")} error={options.error} onRetry={() => options.refetch()} />;
  if (d.launched)
    return (
      <Suspense fallback={<StepLoading />}>
        <ProgressView
          serverId={d.launched.serverId}
          name={d.launched.name}
          onAnother={() => {
            launch.reset();
            d.reset();
          }}
        />
      </Suspense>
    );

  const submit = () => {
    const body = schema ? schema.toBootRequest(d, options.data, schema) : null;
    if (problems.length || !body) {
      d.update({ step: "review" });
      return;
    }
    launch.mutate(body, { onSuccess: (res) => d.update({ launched: { serverId: res.serverId, name: body.name } }) });
  };
  const onIntent = () => {
    preloadLaterSteps();
    void loadBootSchema();
    if (!intent) setIntent(true);
  };
  const next = () => {
    d.attempt(d.step);
    d.update({ step: BOOT_STEPS[at + 1] });
  };
  const o = options.data;
  return (
    <div className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_26rem]">
      <div className="min-w-0 space-y-4" onPointerEnter={onIntent} onFocusCapture={onIntent}>
        <WizardSteps problems={visible} />
        <Card>
          <CardContent>
            <form
              onSubmit={(e) => {
                e.preventDefault();
                if (d.step === "review") submit();
                else next();
              }}
              noValidate
            >
              <h2 className="mb-4 text-base font-semibold" id="step-title">
                {t(`boot.steps.${d.step}`)}{" "}
                <span className="text-xs font-normal text-muted-foreground">
                  {t("boot.nav.stepOf", { n: at + 1, total: BOOT_STEPS.length })}
                </span>
              </h2>
              {d.step === "source" ? <SourceStep options={o} plan={plan.data} problems={visible} /> : null}
              <Suspense fallback={<StepLoading />}>
                {d.step === "flavor" ? <FlavorStep options={o} problems={visible} /> : null}
                {d.step === "networks" ? <NetworksStep options={o} problems={visible} /> : null}
                {d.step === "security" ? <SecurityStep options={o} /> : null}
                {d.step === "review" ? <ReviewStep options={o} plan={plan.data} problems={problems} /> : null}
              </Suspense>
              {launch.error ? (
                <div className="mt-4">
                  <QueryError title={t("boot.errors.launchFailed")} error={launch.error} />
                </div>
              ) : null}
              <div className="mt-6 flex flex-wrap items-center justify-between gap-2 border-t pt-4">
                <Button
                  variant="ghost"
                  onClick={() => {
                    launch.reset();
                    d.reset();
                  }}
                >
                  {t("boot.nav.reset")}
                </Button>
                <div className="flex gap-2">
                  <Button disabled={at === 0} onClick={() => d.update({ step: BOOT_STEPS[at - 1] })}>
                    {t("boot.nav.back")}
                  </Button>
                  {d.step !== "review" ? (
                    <Button type="submit" variant="primary">
                      {t("boot.nav.next")}
                    </Button>
                  ) : (
                    <Button
                      type="submit"
                      variant="primary"
                      disabled={problems.length > 0 || !schema || launch.isPending || plan.isFetching}
                      aria-describedby={problems.length ? "launch-blocked" : undefined}
                    >
                      {launch.isPending ? <Spinner /> : null}
                      {launch.isPending ? t("boot.nav.launching") : t("boot.nav.launch")}
                    </Button>
                  )}
                </div>
              </div>
              {d.step === "review" && problems.length ? (
                <p id="launch-blocked" className="sr-only">
                  {t("boot.review.problems")}
                </p>
              ) : null}
            </form>
          </CardContent>
        </Card>
        {plan.data?.blockers.some((b) => b.code === "quota_exceeded") ? (
          <Alert tone="danger" title={t("boot.plan.blockers")}>
            {plan.data.blockers
              .filter((b) => b.code === "quota_exceeded")
              .map((b) => (
                <p key={String(b.params.quota)}>{t("boot.errors.quota", { ...b.params, quota: quotaLabel(t, String(b.params.quota)) })}</p>
              ))}
          </Alert>
        ) : null}
      </div>
      <aside className="min-w-0 lg:sticky lg:top-4 lg:self-start">
        <PlanPanel
          plan={plan.data}
          loading={plan.isLoading}
          stale={plan.isFetching && !plan.isLoading}
          error={plan.error}
          hasSource={!!planReq}
          onRetry={() => plan.refetch()}
        />
      </aside>
    </div>
  );
}
