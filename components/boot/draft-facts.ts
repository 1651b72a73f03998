import type { BootOptions } from "@/lib/queries/boot";
import type { BootDraft } from "@/lib/stores/boot-wizard-store";

/** Whether the draft makes a new root volume: the toggle for an image, always for a volume snapshot or a volume-backed instance snapshot. */
export function makesVolume(d: Pick<BootDraft, "source" | "createVolume">, o: BootOptions | undefined): boolean {
  const type = d.source?.type;
  if (type === "volume-snapshot") return true;
  if (type !== "image" && type !== "instance-snapshot") return false;
  const image = o ? [...o.images, ...o.instanceSnapshots].find((i) => i.id === d.source!.id) : undefined;
  return !!image?.volumeBacked || d.createVolume;
}
