import type { Translate } from "@/lib/i18n/translate";
import type { components } from "@/lib/api/schema";
import { upstreamFailureText } from "@/components/common/upstream-failure";

type S = components["schemas"];
export type StepWhy = S["LineageStepWhy"];
export type StepError = NonNullable<S["LineageStepResult"]["error"]>;

/** Why a clean-up step is in the plan, in the active locale. */
export function stepWhyText(t: Translate, why: StepWhy): string {
  return why.code === "child_reads_parent" ? t("lineage.why.child_reads_parent", why.params) : t(`lineage.why.${why.code}`);
}

/** Why a clean-up or flatten step was refused or failed, in the active locale (an upstream failure: its service and code). */
export function stepErrorText(t: Translate, e: StepError): string {
  const p = e.params;
  const failure = e.upstream ? upstreamFailureText(t, e.upstream) : t("lineage.stepError.noPattern");
  switch (e.code) {
    case "owner_found":
      return t("lineage.stepError.owner_found", {
        owner: p.owner ? t(`lineage.stepError.owner.${p.owner}`) : "",
        name: p.name ?? t("lineage.stepError.unnamed"),
        status: p.status ?? t("lineage.stepError.noStatus"),
      });
    case "owner_unproven":
    case "clone_unreadable":
    case "step_failed":
      return t(`lineage.stepError.${e.code}`, { failure });
    case "parent_changed":
      return t("lineage.stepError.parent_changed", { parent: p.parent ?? t("lineage.stepError.noParent") });
    case "still_has_parent":
      return t("lineage.stepError.still_has_parent", { parent: p.parent ?? t("lineage.stepError.unreadable") });
    default:
      return t(`lineage.stepError.${e.code}`);
  }
}
