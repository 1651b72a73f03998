"use client";

import { useT } from "@/lib/i18n/client";
import type { BootOptions, BootPlan } from "@/lib/queries/boot";
import { useBootWizardStore } from "@/lib/stores/boot-wizard-store";
import { Input, Label } from "@/components/ui/input";
import { cn } from "@/lib/cn";
import { BOOT_LIMITS } from "@/lib/schemas/boot-limits";
import { makesVolume as makesVolumeOf } from "./draft-facts";
import type { Problem } from "./validation";

/** The "Create new volume" Yes/No toggle with the volume's size, type and delete-on-termination. */
export function VolumeOptions({ options, plan, problems }: { options: BootOptions; plan: BootPlan | undefined; problems: Problem[] }) {
  const t = useT();
  const d = useBootWizardStore();
  const type = d.source?.type;
  const image = [...options.images, ...options.instanceSnapshots].find((i) => i.id === d.source?.id);
  const toggleApplies = (type === "image" || type === "instance-snapshot") && !image?.volumeBacked;
  const makesVolume = makesVolumeOf(d, options);
  const sizeErr = problems.find((p) => p.field === "volumeSize");
  const min = plan?.minVolumeGiB;
  if (!type) return null;
  const reason =
    type === "volume"
      ? t("boot.source.types.volume")
      : type === "volume-snapshot"
        ? t("boot.source.types.volume-snapshot")
        : t("boot.source.volumeBacked");
  return (
    <div className="space-y-4 rounded-md border p-4">
      <div role="radiogroup" aria-labelledby="create-volume-label" aria-describedby="create-volume-hint" className="space-y-1.5">
        <span id="create-volume-label" className="text-sm font-medium">
          {t("boot.source.createVolume")}
        </span>
        <div className="inline-flex rounded-md bg-muted p-1" data-testid="create-volume-toggle">
          {[true, false].map((v) => (
            <label
              key={String(v)}
              className={cn(
                "relative cursor-pointer rounded-sm px-4 py-1 text-sm font-medium focus-within:outline-2 focus-within:outline-ring",
                d.createVolume === v && toggleApplies ? "bg-surface text-foreground shadow-xs" : "text-muted-foreground",
                !toggleApplies && "cursor-not-allowed opacity-60",
              )}
            >
              <input
                type="radio"
                name="create-volume"
                className="sr-only"
                checked={d.createVolume === v}
                disabled={!toggleApplies}
                onChange={() => d.update({ createVolume: v })}
              />
              {v ? t("common.yes") : t("common.no")}
            </label>
          ))}
        </div>
        <p id="create-volume-hint" className="text-xs text-muted-foreground">
          {toggleApplies ? t("boot.source.createVolumeHint") : t("boot.source.toggleNotApplicable", { reason })}
        </p>
      </div>

      {makesVolume ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <div className="space-y-1.5">
            <Label htmlFor="boot-volume-size">{t("boot.source.volumeSize")}</Label>
            <Input
              id="boot-volume-size"
              type="number"
              min={min ?? BOOT_LIMITS.volumeSizeMin}
              max={BOOT_LIMITS.volumeSizeMax}
              step={1}
              value={d.volumeSize ?? plan?.volumeSizeGiB ?? ""}
              aria-invalid={!!sizeErr}
              aria-describedby="boot-volume-size-hint"
              onBlur={() => d.touch("volumeSize")}
              onChange={(e) => {
                d.update({ volumeSize: e.target.value === "" ? null : Number(e.target.value) });
                d.touch("volumeSize");
              }}
            />
            <p
              id="boot-volume-size-hint"
              data-testid="field-error-volumeSize"
              data-error={sizeErr ? sizeErr.key : undefined}
              className={sizeErr ? "text-xs text-danger" : "text-xs text-muted-foreground"}
            >
              {sizeErr
                ? t(sizeErr.key, sizeErr.vars)
                : t("boot.source.volumeSizeRange", { min: min ?? BOOT_LIMITS.volumeSizeMin, max: BOOT_LIMITS.volumeSizeMax })}
            </p>
          </div>
          <div className="space-y-1.5">
            <Label htmlFor="boot-volume-type">{t("boot.source.volumeType")}</Label>
            <select
              id="boot-volume-type"
              value={d.volumeType ?? ""}
              onChange={(e) => d.update({ volumeType: e.target.value || null })}
              className="h-9 w-full rounded-md border border-input bg-surface px-2 text-sm shadow-xs focus-visible:outline-2 focus-visible:outline-ring/40"
            >
              <option value="">{t("boot.source.defaultType", { name: options.defaultVolumeType ?? "—" })}</option>
              {options.volumeTypes.map((vt) => (
                <option key={vt.id} value={vt.name}>
                  {vt.name}
                </option>
              ))}
            </select>
          </div>
        </div>
      ) : null}
      {makesVolume || type === "volume" ? (
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={d.deleteOnTermination}
            onChange={(e) => d.update({ deleteOnTermination: e.target.checked })}
            className="size-4 accent-[var(--color-primary)]"
          />
          {t("boot.source.deleteOnTermination")}
        </label>
      ) : null}
    </div>
  );
}
