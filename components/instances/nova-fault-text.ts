import type { MessageKey, Translate } from "@/lib/i18n/translate";
import type { InstanceSummary } from "@/lib/queries/instances";
import { labelOr } from "@/components/resources/status-label";

export type NovaFaultReason = NonNullable<InstanceSummary["faultReason"]>;

/** The headline for Nova's fault, from the BFF's code and parameters, in the active locale (a volume status translated too). */
export function novaFaultText(t: Translate, reason: NovaFaultReason): string {
  const { code, params } = reason;
  if (code === "volume_not_created") {
    const status = String(params.status ?? "");
    const vars = { seconds: params.seconds ?? "?", attempts: params.attempts ?? "?" };
    return status
      ? t("instances.faultReason.volume_not_created", { ...vars, status: labelOr(t, `volumes.status.${status}`, status) })
      : t("instances.faultReason.volume_not_created_nostatus", vars);
  }
  return t(`instances.faultReason.${code}` as MessageKey, params);
}
