import type { BootDraft, BootStep } from "@/lib/stores/boot-wizard-store";
import { BOOT_STEPS } from "@/lib/stores/boot-wizard-store";
import type { BootOptions, BootPlan } from "@/lib/queries/boot";
import type { MessageKey } from "@/lib/i18n/translate";
import { draftRequest } from "./draft-request";
import type { BootSchemas } from "./boot-schema";
import { schemaErrors } from "./field-errors";
import { flavorUnfit, selectedImage } from "./flavor-fit";
import { instancesLeft, type Problem } from "./validation";

/** Blocker codes the UI words itself (boot.blocker.*); any other keeps the BFF's English. */
const BLOCKER_CODES = new Set([
  "source_unavailable",
  "volume_not_bootable",
  "volume_in_use",
  "count_volume_source",
  "flavor_ram_too_small",
  "flavor_disk_zero",
  "flavor_disk_too_small",
  "volume_size_below_minimum",
]);
/** The order fields appear in on their step. */
const FIELD_ORDER = ["name", "count", "source", "volumeSize", "volumeType", "flavorId", "networkIds"];

/**
 * Every problem that blocks the launch, in step order: the shared schema's verdict on each field (the BFF's own
 * 400 rules), the wizard's checks against the options, and the plan's blockers (sizes, flavors, quotas), which
 * the BFF enforces again on submit. Hidden fields are not judged: they are not sent.
 */
export function validateDraft(d: BootDraft, o: BootOptions | undefined, plan: BootPlan | undefined, s: BootSchemas | null): Problem[] {
  const req = draftRequest(d, o);
  // Until the schema has loaded (on intent, see boot-schema.ts) its verdicts are missing; the launch waits for it.
  const out: Problem[] = s ? schemaErrors(req, s) : [];
  const has = (field: string) => out.some((p) => p.field === field);
  const count = typeof req.count === "number" ? req.count : Number.NaN;
  if (!has("count") && d.source?.type === "volume" && count > 1) out.push({ step: "source", field: "count", key: "boot.errors.count" });
  const left = instancesLeft(o);
  if (!has("count") && left !== null && count > left)
    out.push({ step: "source", field: "count", key: "boot.errors.countQuota", vars: { left } });
  if (!has("volumeSize") && plan && typeof req.volumeSize === "number" && plan.volumeSizeGiB !== null && req.volumeSize < plan.minVolumeGiB)
    out.push({ step: "source", field: "volumeSize", key: "boot.errors.volumeSize", vars: { min: plan.minVolumeGiB } });
  const flavor = o?.flavors.find((f) => f.id === d.flavorId);
  const unfit = flavor ? flavorUnfit(flavor, selectedImage(o, d), d.createVolume) : null;
  if (unfit && !has("flavorId")) out.push({ step: "flavor", field: "flavorId", key: unfit.key, vars: unfit.vars });
  for (const b of plan?.blockers ?? []) {
    if (out.some((p) => p.field === b.field)) continue;
    // The plan was made with valid values only; a field already wrong here would be counted twice.
    if (b.code === "quota_exceeded" && b.params.quota === "instances" && has("count")) continue;
    const step: BootStep = b.field === "flavorId" ? "flavor" : b.field === null ? "review" : "source";
    if (b.code === "quota_exceeded") out.push({ step, field: `quota:${b.params.quota}`, key: "boot.errors.quota", vars: b.params });
    else if (BLOCKER_CODES.has(b.code))
      out.push({ step, field: b.field ?? b.code, key: `boot.blocker.${b.code}` as MessageKey, vars: b.params });
    else out.push({ step, field: b.field ?? b.code, key: "boot.plan.blockers", text: b.message });
  }
  const rank = (p: Problem) => BOOT_STEPS.indexOf(p.step) * 100 + (FIELD_ORDER.indexOf(p.field) + 1 || 99);
  return out.sort((a, b) => rank(a) - rank(b));
}
