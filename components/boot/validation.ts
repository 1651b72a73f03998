import type { BootDraft, BootStep } from "@/lib/stores/boot-wizard-store";
import type { BootOptions } from "@/lib/queries/boot";
import type { MessageKey, Translate, TranslateVars } from "@/lib/i18n/translate";
import { quotaLabel } from "./quota-label";

type Flavor = BootOptions["flavors"][number];
type Image = BootOptions["images"][number];
export interface Problem {
  step: BootStep;
  field: string;
  key: MessageKey;
  vars?: TranslateVars;
  text?: string;
}

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

/** Instances this project may still launch (Nova's limit less what is in use); null when unlimited or unknown. */
export function instancesLeft(o: BootOptions | undefined): number | null {
  const q = o?.quotas?.compute?.instances;
  return q && q.limit >= 0 ? Math.max(q.limit - q.inUse, 0) : null;
}

/** Whether a problem shows at its field yet: after the user left the field, pressed Next on its step, or reached Review. */
export function shown(p: Problem, d: Pick<BootDraft, "touched" | "attempted" | "step">): boolean {
  return d.step === "review" || d.touched.includes(p.field) || d.attempted.includes(p.step);
}
