import type { Translate } from "@/lib/i18n/translate";
import { labelOr } from "@/components/resources/status-label";

/** An upstream failure as the BFF reports it in data: the error's code and the service that failed (never its text). */
export interface UpstreamFailure {
  code: string;
  service: string | null;
}

/** "Cinder (volume) did not answer in time", in the active locale; an unknown code or service reads generically. */
export function upstreamFailureText(t: Translate, f: UpstreamFailure): string {
  return t("upstreamFailure.text", {
    service: f.service ? labelOr(t, `serviceNames.${f.service}`, f.service) : t("upstreamFailure.unknownService"),
    what: labelOr(t, `upstreamFailure.codes.${f.code}`, t("upstreamFailure.codes.other")),
  });
}
