import type { Translate } from "@/lib/i18n/translate";
import type { BootPlan, BootRisk } from "@/lib/queries/boot";
import { formatBytes } from "./format";
import { failures } from "./plan-text";

const KNOWN = new Set([
  "nova_volume_wait_exceeded",
  "full_copy_volume",
  "slow_local_copy",
  "nova_volume_wait_possible",
  "path_uncertain",
  "volume_kept",
  "parent_pinned",
]);

/** A risk in the user's language, from its code and parameters; unknown codes keep the BFF's English. */
export function riskMessage(t: Translate, r: BootRisk): string {
  if (!KNOWN.has(r.code)) return r.message;
  const vars = {
    ...r.params,
    ...(typeof r.params.bytes === "number" ? { bytes: formatBytes(r.params.bytes) } : {}),
    // Check ids never reach the text: "location_exposed, same_fsid" → "Glance does not give … or this image is not in this cluster".
    ...(typeof r.params.unknown === "string"
      ? { unknown: failures(t, r.params.unknown.split(/,\s*/).filter(Boolean) as Parameters<typeof failures>[1]) }
      : {}),
  };
  return t(`boot.risk.${r.code}` as Parameters<Translate>[0], vars);
}

/** The fix, aimed at the first clone condition that failed (as the BFF does). */
export function riskFix(t: Translate, r: BootRisk, plan: BootPlan): string {
  if (!KNOWN.has(r.code)) return r.fix;
  if (r.code === "volume_kept") return t("boot.fix.volume_kept");
  if (r.code === "parent_pinned") return t("boot.fix.parent_pinned");
  if (r.code === "path_uncertain" || r.code === "nova_volume_wait_possible") return t("boot.fix.uncertain");
  const failed = plan.checks.find((c) => c.status === "fail")?.id;
  const main = failed ? t(`boot.fix.${failed}`) : "";
  const pre = plan.path === "copy-volume" ? t("boot.fix.precreate") : "";
  return [main, pre].filter(Boolean).join(" ") || r.fix;
}
