import type { Translate } from "@/lib/i18n/translate";

const NAMES = [
  "instances",
  "cores",
  "ram",
  "volumes",
  "gigabytes",
  "snapshots",
  "backups",
  "backup_gigabytes",
  "per_volume_gigabytes",
  "groups",
] as const;
type Name = (typeof NAMES)[number];
const isName = (k: string): k is Name => (NAMES as readonly string[]).includes(k);
/** Cinder's per-type quotas: volumes_<type>, gigabytes_<type>, snapshots_<type>. */
const PER_TYPE = /^(volumes|gigabytes|snapshots)_(.+)$/;
/** Cinder's built-in default volume type (cinder.volume.volume_types DEFAULT_VOLUME_TYPE). */
const CINDER_DEFAULT_TYPE = "__DEFAULT__";

/**
 * A person's name for a Nova or Cinder quota key: "Volumes (type default)" for Cinder's `volumes___DEFAULT__`.
 * A key it does not know is shown as is.
 */
export function quotaLabel(t: Translate, key: string): string {
  if (isName(key)) return t(`boot.plan.quotaNames.${key}`);
  const m = PER_TYPE.exec(key);
  if (!m) return key;
  const type = m[2] === CINDER_DEFAULT_TYPE ? t("boot.plan.quotaDefaultType") : m[2];
  return t("boot.plan.quotaPerType", { name: t(`boot.plan.quotaNames.${m[1] as "volumes" | "gigabytes" | "snapshots"}`), type });
}
