import type { MessageKey, Translate } from "@/lib/i18n/translate";
import type { InstanceSummary } from "@/lib/queries/instances";
import { labelOr } from "@/components/resources/status-label";

export type NovaFaultReason = NonNullable<InstanceSummary["faultReason"]>;

/** The headline for Nova's fault, from the BFF's code and parameters, in the active locale (a volume status translated too). */
export function novaFaultText(t: Translate, { code, params }: NovaFaultReason): string {
  const status = params.status ? labelOr(t, `volumes.status.${params.status}`, String(params.status)) : "";
  const key = code === "volume_not_created" && !status ? "volume_not_created_nostatus" : code;
  return t(`instances.faultReason.${key}` as MessageKey, { ...params, status });
}
