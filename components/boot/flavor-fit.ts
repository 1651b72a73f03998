import type { MessageKey, TranslateVars } from "@/lib/i18n/translate";
import type { BootOptions } from "@/lib/queries/boot";
import type { BootDraft } from "@/lib/stores/boot-wizard-store";

type Flavor = BootOptions["flavors"][number];
type Image = BootOptions["images"][number];
const GiB = 1024 ** 3;

// Apart from validation.ts: the flavor step and the draft's checks (both loaded after the first screen) use these.

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
