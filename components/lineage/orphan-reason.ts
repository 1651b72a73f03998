import type { Translate } from "@/lib/i18n/translate";
import type { LineageNode } from "@/lib/queries/lineage";

export type OrphanReason = NonNullable<LineageNode["orphanReason"]>;

/** Why an RBD image is an orphan, in the active locale; the image's name, shown beside it, carries the id. */
export const orphanReasonText = (t: Translate, reason: OrphanReason): string => t(`lineage.orphanReason.${reason.code}`);
