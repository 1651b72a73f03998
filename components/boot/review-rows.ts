import type { Translate } from "@/lib/i18n/translate";
import type { BootOptions, BootPlan } from "@/lib/queries/boot";
import type { BootDraft } from "@/lib/stores/boot-wizard-store";

/**
 * The review's rows. Whether a new volume is made, its size and type come from the plan when there is one:
 * a volume snapshot or a volume-backed instance snapshot always makes one, whatever the toggle says, and an
 * unset size is the plan's minimum. Without a plan yet, the draft's own values, in words.
 */
export function reviewRows(t: Translate, d: BootDraft, options: BootOptions, plan: BootPlan | undefined): [string, string][] {
  const src = d.source;
  const all = [...options.images, ...options.instanceSnapshots, ...options.volumes, ...options.volumeSnapshots];
  const srcName = src ? all.find((x) => x.id === src.id)?.name || src.id : "—";
  const yesNo = (b: boolean) => (b ? t("common.yes") : t("common.no"));
  const creates = plan ? plan.createsVolume : d.createVolume || src?.type === "volume-snapshot";
  const createText =
    plan && !plan.toggleApplies && src?.type !== "volume"
      ? t("boot.review.createVolumeBySource", { answer: yesNo(creates) })
      : yesNo(creates);
  const size = plan?.volumeSizeGiB ?? d.volumeSize;
  const type = plan ? plan.volumeType?.name : d.volumeType;
  const volume = [
    size != null ? t("boot.review.volumeGiB", { size }) : t("boot.review.volumeMinimum"),
    ...(type ? [type] : []),
    ...(d.deleteOnTermination ? [t("boot.source.deleteOnTermination")] : []),
  ].join(" · ");
  return [
    [t("boot.review.rows.name"), d.name || "—"],
    [t("boot.review.rows.source"), src ? `${t(`boot.source.types.${src.type}`)}: ${srcName}` : "—"],
    [t("boot.review.rows.createVolume"), createText],
    ...(creates ? [[t("boot.review.rows.volume"), volume] as [string, string]] : []),
    [t("boot.review.rows.flavor"), options.flavors.find((f) => f.id === d.flavorId)?.name ?? "—"],
    [t("boot.review.rows.networks"), d.networkIds.map((id) => options.networks.find((n) => n.id === id)?.name ?? id).join(", ") || "—"],
    [t("boot.review.rows.securityGroups"), d.securityGroups.join(", ") || "—"],
    [t("boot.review.rows.keyPair"), d.keyName ?? t("boot.security.noKeyPair")],
    [t("boot.review.rows.count"), String(d.count)],
  ];
}
