import type { BootDraft, BootStep } from "@/lib/stores/boot-wizard-store";
import type { BootOptions, BootPlan } from "@/lib/queries/boot";
import type { MessageKey, Translate, TranslateVars } from "@/lib/i18n/translate";
import { quotaLabel } from "./quota-label";

type Flavor = BootOptions["flavors"][number];
type Image = BootOptions["images"][number];
export interface Problem { step: BootStep; field: string; key: MessageKey; vars?: TranslateVars; text?: string }

const GiB = 1024 ** 3;

/** A problem in the user's words; a quota is named as people say it, not by Cinder's key. */
export function problemText(t: Translate, p: Problem): string {
  if (p.text) return p.text;
  return t(p.key, p.field.startsWith("quota:") ? { ...p.vars, quota: quotaLabel(t, p.field.slice("quota:".length)) } : p.vars);
}

/** Why a flavor cannot boot this image (min_ram, or a local root disk smaller than the image needs), or null. */
export function flavorUnfit(flavor: Flavor, image: Image | null, createVolume: boolean): { key: MessageKey; vars: TranslateVars } | null {
  if (!image) return null;
  if (flavor.ram < image.minRam) return { key: "boot.flavor.tooLittleRam", vars: { need: image.minRam, have: flavor.ram } };
  if (!createVolume && !image.volumeBacked) {
    const need = Math.max(image.minDisk, Math.ceil((image.virtualSize ?? image.size ?? 0) / GiB));
    if (flavor.disk > 0 && flavor.disk < need) return { key: "boot.flavor.diskTooSmall", vars: { need, have: flavor.disk } };
  }
  return null;
}

export function selectedImage(o: BootOptions | undefined, d: Pick<BootDraft, "source">): Image | null {
  if (!o || !d.source || (d.source.type !== "image" && d.source.type !== "instance-snapshot")) return null;
  return [...o.images, ...o.instanceSnapshots].find((i) => i.id === d.source!.id) ?? null;
}

/**
 * Every problem that blocks the launch, in step order: the wizard's own checks plus the plan's
 * blockers (sizes, flavors, quotas), which the BFF enforces again on submit.
 */
export function validateDraft(d: BootDraft, o: BootOptions | undefined, plan: BootPlan | undefined): Problem[] {
  const out: Problem[] = [];
  if (!d.name.trim()) out.push({ step: "source", field: "name", key: "boot.errors.name" });
  if (!d.source) out.push({ step: "source", field: "source", key: "boot.errors.source" });
  if (d.source?.type === "volume" && d.count > 1) out.push({ step: "source", field: "count", key: "boot.errors.count" });
  if (plan && d.volumeSize !== null && plan.volumeSizeGiB !== null && d.volumeSize < plan.minVolumeGiB)
    out.push({ step: "source", field: "volumeSize", key: "boot.errors.volumeSize", vars: { min: plan.minVolumeGiB } });
  if (!d.flavorId) out.push({ step: "flavor", field: "flavorId", key: "boot.errors.flavor" });
  const flavor = o?.flavors.find((f) => f.id === d.flavorId);
  const unfit = flavor ? flavorUnfit(flavor, selectedImage(o, d), d.createVolume) : null;
  if (unfit) out.push({ step: "flavor", field: "flavorId", key: unfit.key, vars: unfit.vars });
  if (d.networkIds.length === 0) out.push({ step: "networks", field: "networkIds", key: "boot.errors.networks" });
  for (const b of plan?.blockers ?? []) {
    if (out.some((p) => p.field === b.field)) continue;
    const step: BootStep = b.field === "flavorId" ? "flavor" : b.field === null ? "review" : "source";
    if (b.code === "quota_exceeded") out.push({ step, field: `quota:${b.params.quota}`, key: "boot.errors.quota", vars: b.params });
    else out.push({ step, field: b.field ?? b.code, key: "boot.plan.blockers", text: b.message });
  }
  return out;
}
