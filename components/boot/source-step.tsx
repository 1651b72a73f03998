"use client";

import { Suspense, useState } from "react";
import { useT } from "@/lib/i18n/client";
import { lazyWithPreload } from "@/lib/lazy";
import type { BootOptions, BootPlan } from "@/lib/queries/boot";
import { useBootWizardStore, type BootSourceType } from "@/lib/stores/boot-wizard-store";
import { Badge } from "@/components/ui/badge";
import { Input, Label } from "@/components/ui/input";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { ChoiceTable, type ChoiceRow } from "./choice-table";
import { formatBytes } from "./format";
import { BOOT_LIMITS } from "@/lib/schemas/boot-limits";
import { instancesLeft, problemText, type Problem } from "./validation";

/** The volume options show once a source is chosen; their code loads then, or on intent over the wizard. */
export const VolumeOptions = lazyWithPreload(() => import("./volume-options").then((m) => m.VolumeOptions));

const TYPES: BootSourceType[] = ["image", "instance-snapshot", "volume", "volume-snapshot"];

export function SourceStep({ options, plan, problems }: { options: BootOptions; plan: BootPlan | undefined; problems: Problem[] }) {
  const t = useT();
  const d = useBootWizardStore();
  const [type, setType] = useState<BootSourceType>(d.source?.type ?? "image");
  const err = (field: string) => problems.find((p) => p.field === field);
  const nameErr = err("name"),
    countErr = err("count");
  const left = instancesLeft(options);
  const countMax = Math.min(BOOT_LIMITS.countMax, left ?? BOOT_LIMITS.countMax);

  const rows = (tp: BootSourceType): ChoiceRow[] => {
    if (tp === "image" || tp === "instance-snapshot") {
      return (tp === "image" ? options.images : options.instanceSnapshots).map((i) => ({
        id: i.id,
        label: i.name,
        // A volume-backed snapshot has no data of its own (size 0, Glance's default qcow2): it names a Cinder snapshot.
        cells: i.volumeBacked
          ? [
              <Badge key="f">{t("boot.source.volumeBacked")}</Badge>,
              i.volumeSize ? t("boot.source.volumeBackedSize", { size: i.volumeSize }) : "—",
              t("boot.source.needs", { disk: i.minDisk, ram: i.minRam }),
            ]
          : [i.diskFormat ?? "—", formatBytes(i.size), t("boot.source.needs", { disk: i.minDisk, ram: i.minRam })],
      }));
    }
    if (tp === "volume") {
      return options.volumes.map((v) => ({
        id: v.id,
        label: v.name || v.id,
        disabled: !v.bootable || v.status !== "available",
        reason: !v.bootable ? t("boot.source.notBootable") : v.attached ? t("boot.source.attached") : undefined,
        cells: [v.volumeType ?? "—", `${v.size} GiB`, v.status],
      }));
    }
    return options.volumeSnapshots.map((s) => ({
      id: s.id,
      label: s.name || s.id,
      disabled: s.status !== "available",
      cells: ["—", `${s.size} GiB`, s.status],
    }));
  };
  const cols = (tp: BootSourceType) => {
    const c = (k: "name" | "format" | "size" | "minimums" | "status") => t(`boot.source.columns.${k}`);
    return tp === "image" || tp === "instance-snapshot"
      ? [c("name"), c("format"), c("size"), c("minimums")]
      : [c("name"), t("boot.source.volumeType"), c("size"), c("status")];
  };

  return (
    <div className="space-y-5">
      <div className="grid gap-4 sm:grid-cols-[1fr_8rem]">
        <div className="space-y-1.5">
          <Label htmlFor="boot-name">{t("boot.details.name")}</Label>
          {/* No maxLength: the browser would cut a pasted name silently; the limit is stated and checked instead. */}
          <Input
            id="boot-name"
            value={d.name}
            placeholder={t("boot.details.namePlaceholder")}
            autoComplete="off"
            aria-invalid={!!nameErr}
            aria-describedby="boot-name-hint"
            onChange={(e) => {
              d.update({ name: e.target.value });
              d.touch("name");
            }}
            onBlur={() => d.touch("name")}
          />
          <p
            id="boot-name-hint"
            data-testid="field-error-name"
            data-error={nameErr ? nameErr.key : undefined}
            className={nameErr ? "text-xs text-danger" : "text-xs text-muted-foreground"}
          >
            {nameErr ? problemText(t, nameErr) : t("boot.details.nameLimit", { length: d.name.trim().length, max: BOOT_LIMITS.nameMax })}
          </p>
        </div>
        <div className="space-y-1.5">
          <Label htmlFor="boot-count">{t("boot.details.count")}</Label>
          <Input
            id="boot-count"
            type="number"
            min={1}
            max={type === "volume" ? 1 : countMax}
            step={1}
            value={d.count ?? ""}
            aria-invalid={!!countErr}
            aria-describedby="boot-count-hint"
            onBlur={() => d.touch("count")}
            onChange={(e) => {
              d.update({ count: e.target.value === "" ? null : Number(e.target.value) });
              d.touch("count");
            }}
          />
          <p
            id="boot-count-hint"
            data-testid="field-error-count"
            data-error={countErr ? countErr.key : undefined}
            className={countErr ? "text-xs text-danger" : "text-xs text-muted-foreground"}
          >
            {countErr
              ? problemText(t, countErr)
              : type === "volume"
                ? t("boot.details.countVolumeHint")
                : left !== null
                  ? t("boot.details.countLimit", { max: countMax, left })
                  : t("boot.details.countLimitNoQuota", { max: countMax })}
          </p>
        </div>
      </div>

      <fieldset className="space-y-2">
        <legend className="mb-2 text-sm font-medium">{t("boot.source.title")}</legend>
        <Tabs value={type} onValueChange={(v) => setType(v as BootSourceType)}>
          <TabsList aria-label={t("boot.source.type")}>
            {TYPES.map((tp) => (
              <TabsTrigger key={tp} value={tp}>
                {t(`boot.source.types.${tp}`)}
              </TabsTrigger>
            ))}
          </TabsList>
          {TYPES.map((tp) => (
            <TabsContent key={tp} value={tp} className="pt-3">
              <ChoiceTable
                name={`source-${tp}`}
                kind="radio"
                caption={t(`boot.source.types.${tp}`)}
                columns={cols(tp)}
                rows={rows(tp)}
                selected={d.source?.type === tp ? [d.source.id] : []}
                empty={t("boot.source.empty")}
                onToggle={(id) => {
                  d.update({ source: { type: tp, id }, volumeSize: null, ...(tp === "volume" ? { count: 1 } : {}) });
                  d.touch("source");
                }}
              />
            </TabsContent>
          ))}
        </Tabs>
        {err("source") && d.source === null ? (
          <p className="text-xs text-danger" data-testid="field-error-source">
            {t("boot.errors.source")}
          </p>
        ) : null}
      </fieldset>

      {d.source ? (
        <Suspense fallback={null}>
          <VolumeOptions options={options} plan={plan} problems={problems} />
        </Suspense>
      ) : null}
    </div>
  );
}
