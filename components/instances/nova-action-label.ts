import type { Translate } from "@/lib/i18n/translate";
import { labelOr } from "@/components/resources/status-label";

/**
 * An entry of Nova's action log (os-instance-actions `action`, e.g. "createImage") in the user's words; an action
 * this release has no words for reads as "Other action", never as Nova's internal name.
 */
export const novaActionLabel = (t: Translate, action: string): string => labelOr(t, `novaActions.${action}`, t("novaActions.other"));
