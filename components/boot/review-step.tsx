"use client";

import { useT } from "@/lib/i18n/client";
import type { BootOptions } from "@/lib/queries/boot";
import { useBootWizardStore, type BootStep } from "@/lib/stores/boot-wizard-store";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { Problem } from "./validation";

/** A summary of the draft and every problem that blocks the launch, each with a way back to its step. */
export function ReviewStep({ options, problems }: { options: BootOptions; problems: Problem[] }) {
  const t = useT();
  const d = useBootWizardStore();
  const src = d.source;
  const all = [...options.images, ...options.instanceSnapshots, ...options.volumes, ...options.volumeSnapshots];
  const srcName = src ? (all.find((x) => x.id === src.id)?.name || src.id) : "—";
  const yesNo = (b: boolean) => (b ? t("common.yes") : t("common.no"));
  const rows: [string, string][] = [
    [t("boot.review.rows.name"), d.name || "—"],
    [t("boot.review.rows.source"), src ? `${t(`boot.source.types.${src.type}`)}: ${srcName}` : "—"],
    [t("boot.review.rows.createVolume"), yesNo(d.createVolume)],
    ...(d.createVolume || src?.type === "volume-snapshot" ? [[t("boot.review.rows.volume"), `${d.volumeSize ?? "min"} GiB${d.volumeType ? ` · ${d.volumeType}` : ""}${d.deleteOnTermination ? ` · ${t("boot.source.deleteOnTermination")}` : ""}`] as [string, string]] : []),
    [t("boot.review.rows.flavor"), options.flavors.find((f) => f.id === d.flavorId)?.name ?? "—"],
    [t("boot.review.rows.networks"), d.networkIds.map((id) => options.networks.find((n) => n.id === id)?.name ?? id).join(", ") || "—"],
    [t("boot.review.rows.securityGroups"), d.securityGroups.join(", ") || "—"],
    [t("boot.review.rows.keyPair"), d.keyName ?? t("boot.security.noKeyPair")],
    [t("boot.review.rows.count"), String(d.count)],
  ];
  return (
    <div className="space-y-4">
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
        {rows.map(([k, v]) => (<div key={k} className="contents"><dt className="text-muted-foreground">{k}</dt><dd className="break-all">{v}</dd></div>))}
      </dl>
      {problems.length ? (
        <Alert tone="danger" title={t("boot.review.problems")} data-testid="review-problems">
          <ul className="mt-1 space-y-1">
            {problems.map((p) => (
              <li key={p.field} className="flex flex-wrap items-center gap-2">
                <span>{p.text ?? t(p.key, p.vars)}</span>
                {p.step !== "review" ? <GoTo step={p.step} /> : null}
              </li>
            ))}
          </ul>
        </Alert>
      ) : <Alert tone="info" title={t("boot.review.ready")} />}
    </div>
  );
}

function GoTo({ step }: { step: BootStep }) {
  const t = useT();
  const update = useBootWizardStore((s) => s.update);
  return <Button variant="link" size="sm" onClick={() => update({ step })}>{t("boot.review.goTo", { step: t(`boot.steps.${step}`) })}</Button>;
}
