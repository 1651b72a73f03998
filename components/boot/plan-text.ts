import type { MessageKey, Translate } from "@/lib/i18n/translate";
import type { BootPlan } from "@/lib/queries/boot";
import { seconds } from "./format";

type Check = BootPlan["checks"][number];
type CheckId = Check["id"];

/** Seconds with the unit in the user's language ("12 s" / "12 秒"), rounded as everywhere in the wizard. */
export const secs = (t: Translate, s: number) => t("units.s", { n: seconds(s) });
export const approxSecs = (t: Translate, s: number) => t("units.approxS", { n: seconds(s) });

const join = (t: Translate, parts: string[], how: "and" | "or") => parts.join(t(`boot.plan.${how}`));

/** "Glance gives Nova and Cinder the location and the image is in this cluster": what must hold for the clone. */
export const conditions = (t: Translate, ids: CheckId[]) =>
  join(
    t,
    ids.map((id) => t(`boot.plan.if.${id}`)),
    "and",
  );
/** "this image is not in this cluster or its snapshot cannot be opened": what leads to the worst case. */
export const failures = (t: Translate, ids: CheckId[]) =>
  join(
    t,
    ids.map((id) => t(`boot.plan.ifNot.${id}`)),
    "or",
  );

/** A check's evidence from its code and parameters, in the user's language; the BFF's English for a code this UI does not know. */
export function evidenceText(t: Translate, c: Check): string {
  const key = `boot.evidence.${c.code}` as MessageKey;
  const text = t(
    key,
    c.code === "location_not_rbd" ? { reason: t(`boot.evidence.reasons.${String(c.params.reason)}` as MessageKey) } : c.params,
  );
  return text === key ? c.evidence : text;
}

/** Why a check failed, as a clause ("the image is qcow2, not raw"). */
export const failedText = (t: Translate, c: Check) => t(`boot.plan.fails.${c.id}`, { format: String(c.params.format ?? "") });

/** The path badge: the path when certain; "Clone if …, else full copy" when an unknown check decides it. */
export function pathLabel(t: Translate, plan: BootPlan): string {
  if (plan.certain || !plan.alternative) return t(`boot.plan.paths.${plan.path}`);
  return t("boot.plan.pathIf", {
    conditions: conditions(t, plan.alternative.ifFails),
    alternative: t(`boot.plan.pathElse.${plan.alternative.path}`),
  });
}

/** The "why" in the user's language. */
export function explain(t: Translate, plan: BootPlan): string {
  if (plan.path === "existing-volume") return t("boot.plan.explain.existing");
  if (!plan.checks.length) return t("boot.plan.explain.snapshot");
  const failed = plan.checks.filter((c) => c.status === "fail");
  if (failed.length)
    return t("boot.plan.explain.copy", {
      failed: join(
        t,
        failed.map((c) => failedText(t, c)),
        "and",
      ),
    });
  if (!plan.certain && plan.alternative) return t("boot.plan.explain.assumed", { conditions: conditions(t, plan.alternative.ifFails) });
  const parent = plan.risks.find((r) => r.code === "parent_pinned")?.params.parent ?? "";
  return t("boot.plan.explain.clone", { parent: String(parent) });
}
