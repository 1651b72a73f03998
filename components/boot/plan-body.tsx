"use client";

import Link from "next/link";
import { useT } from "@/lib/i18n/client";
import type { BootPlan } from "@/lib/queries/boot";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Icon } from "@/components/ui/icon";
import { PathDiagram } from "./path-diagram";
import { formatBytes } from "./format";
import { approxSecs, evidenceText, explain, failures, pathLabel, secs } from "./plan-text";
import { riskFix, riskMessage } from "./risk-text";
import { quotaLabel } from "./quota-label";

const CHECK_TONE = { pass: "success", fail: "danger", unknown: "warning" } as const;
/** The risks a copy of the image causes: their fix links to Convert to raw when the image is not raw. */
const COPY_RISKS = new Set(["full_copy_volume", "slow_local_copy", "nova_volume_wait_exceeded"]);
const RISK_TONE = { error: "danger", warning: "warning", info: "info" } as const;

/** The plan itself, once there is one: loaded with the first plan, not with the wizard. */
export function PlanBody({ plan }: { plan: BootPlan }) {
  const t = useT();
  const copy = plan.path === "copy-volume" || plan.path === "download-convert-local";
  // The copy warning's fix for a non-raw image links to its page, where Convert to raw makes a raw copy.
  const convertible = plan.source.type === "image" && plan.checks.find((c) => c.status === "fail")?.id === "raw_format";
  return (
    <>
      <div className="space-y-2">
        {!plan.certain && plan.alternative?.exceedsNovaWait ? (
          <Alert
            tone="danger"
            data-testid="plan-worst-case"
            title={t("boot.plan.worstCase", {
              condition: failures(t, plan.alternative.ifFails),
              copy: approxSecs(t, plan.alternative.storageSeconds.p50),
              wait: secs(t, plan.novaWait.seconds),
            })}
          />
        ) : null}
        <div className="flex flex-wrap items-center gap-2">
          <Badge
            tone={!plan.certain ? "neutral" : copy ? "warning" : "success"}
            dot
            data-testid="plan-path"
            data-path={plan.path}
            data-certain={String(plan.certain)}
          >
            {pathLabel(t, plan)}
          </Badge>
          {plan.parentFanout ? (
            <Badge tone="warning" data-testid="plan-busy-parent">
              {t("boot.plan.busyParent", plan.parentFanout.params)}
            </Badge>
          ) : null}
        </div>
        <PathDiagram path={plan.path} />
        {!plan.certain && plan.alternative && !plan.alternative.exceedsNovaWait ? (
          <Alert
            tone="warning"
            data-testid="plan-assumed"
            title={t("boot.plan.assumed", {
              condition: failures(t, plan.alternative.ifFails),
              path: t(`boot.plan.paths.${plan.alternative.path}`),
              seconds: approxSecs(t, plan.alternative.storageSeconds.p50),
            })}
          />
        ) : null}
        <p className="text-muted-foreground" title={plan.explanation}>
          {explain(t, plan)}
        </p>
      </div>

      {plan.checks.length ? (
        <section aria-labelledby="plan-checks">
          <h3 id="plan-checks" className="mb-1.5 text-xs font-semibold uppercase tracking-wide text-muted-foreground">
            {t("boot.plan.checksTitle")}
          </h3>
          <ul className="space-y-1.5">
            {plan.checks.map((c) => (
              <li key={c.id} className="flex items-start gap-2" data-testid={`check-${c.id}`} data-status={c.status}>
                <Badge tone={CHECK_TONE[c.status]} className="mt-0.5 shrink-0">
                  {t(`boot.plan.status.${c.status}`)}
                </Badge>
                <span>
                  <span className="font-medium">{t(`boot.plan.checks.${c.id}`)}</span>
                  <span className="block break-words text-xs text-muted-foreground" data-testid={`evidence-${c.id}`} data-code={c.code}>
                    {evidenceText(t, c)}
                  </span>
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="plan-cost">
        <h3 id="plan-cost" className="mb-1.5 text-xs font-semibold uppercase tracking-wide text-muted-foreground">
          {t("boot.plan.cost")}
        </h3>
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
          <dt className="text-muted-foreground">{t("boot.plan.bytes")}</dt>
          <dd data-testid="plan-bytes">{formatBytes(plan.bytesToCopy)}</dd>
          <dt className="text-muted-foreground">{t("boot.plan.storageTime")}</dt>
          <dd>{t("boot.plan.quantiles", { p50: secs(t, plan.storageSeconds.p50), p90: secs(t, plan.storageSeconds.p90) })}</dd>
          <dt className="text-muted-foreground">{t("boot.plan.time")}</dt>
          <dd data-testid="plan-time">
            {t("boot.plan.quantiles", { p50: secs(t, plan.predictedSeconds.p50), p90: secs(t, plan.predictedSeconds.p90) })}
          </dd>
          <dt className="text-muted-foreground">{t("boot.plan.space")}</dt>
          <dd>
            {plan.spaceBytes.kind === "full"
              ? t("boot.plan.spaceKinds.full", { size: formatBytes(plan.spaceBytes.bytes) })
              : t(`boot.plan.spaceKinds.${plan.spaceBytes.kind}`)}
          </dd>
          {plan.volumeSizeGiB !== null ? (
            <>
              <dt className="text-muted-foreground">{t("boot.plan.minVolume")}</dt>
              <dd>{plan.minVolumeGiB} GiB</dd>
            </>
          ) : null}
          {plan.volumeType ? (
            <>
              <dt className="text-muted-foreground">{t("boot.plan.volumeType")}</dt>
              <dd>{plan.volumeType.name}</dd>
            </>
          ) : null}
        </dl>
        <ol className="mt-2 flex flex-wrap gap-1 text-xs" aria-label={t("boot.plan.cost")}>
          {plan.stages.map((s) => (
            <li key={s.stage}>
              <Badge>{t("boot.plan.stageTime", { stage: t(`boot.plan.stages.${s.stage}`), time: secs(t, s.seconds.p50) })}</Badge>
            </li>
          ))}
        </ol>
        <p
          className="mt-2 text-xs text-muted-foreground"
          title={plan.throughput.explanation}
          data-testid="plan-throughput"
          data-source={plan.throughput.source}
        >
          {plan.throughput.source === "learned"
            ? t("boot.plan.throughput.learned", { n: plan.throughput.samples })
            : t("boot.plan.throughput.default")}
          {" · "}
          {t("boot.plan.novaWait", {
            seconds: secs(t, plan.novaWait.seconds),
            retries: plan.novaWait.retries,
            interval: secs(t, plan.novaWait.intervalSeconds),
          })}
        </p>
      </section>

      <section aria-labelledby="plan-risks">
        <h3 id="plan-risks" className="mb-1.5 text-xs font-semibold uppercase tracking-wide text-muted-foreground">
          {t("boot.plan.risks")}
        </h3>
        {plan.risks.length === 0 ? (
          <p className="text-muted-foreground">{t("boot.plan.noRisks")}</p>
        ) : (
          <ul className="space-y-2">
            {plan.risks.map((r) => (
              <li key={r.code} data-testid={`risk-${r.code}`} data-severity={r.severity}>
                <Alert tone={RISK_TONE[r.severity]} title={riskMessage(t, r)}>
                  <span className="flex gap-1">
                    <Icon name="check" className="mt-0.5 size-3.5 shrink-0" />
                    <span>
                      <strong>{t("boot.plan.fix")}:</strong> {riskFix(t, r, plan)}
                      {convertible && COPY_RISKS.has(r.code) ? (
                        <>
                          {" "}
                          <Link href={`/project/images/${plan.source.id}#convert`} className="underline" data-testid="plan-convert-link">
                            {t("imageActions.convert")}
                          </Link>
                        </>
                      ) : null}
                    </span>
                  </span>
                </Alert>
              </li>
            ))}
          </ul>
        )}
      </section>

      {plan.quota.length ? (
        <section aria-labelledby="plan-quota">
          <h3 id="plan-quota" className="mb-1.5 text-xs font-semibold uppercase tracking-wide text-muted-foreground">
            {t("boot.plan.quota")}
          </h3>
          <ul className="flex flex-wrap gap-1">
            {plan.quota.map((q) => (
              <li key={q.quota}>
                <Badge tone={q.ok ? "neutral" : "danger"} data-testid={`quota-${q.quota}`}>
                  {t("boot.plan.quotaLine", {
                    quota: quotaLabel(t, q.quota),
                    inUse: q.inUse,
                    requested: q.requested,
                    limit: q.limit < 0 ? t("boot.plan.unlimited") : q.limit,
                  })}
                </Badge>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
