import { BOOT_LIMITS } from "@/lib/schemas/boot-limits";
import type { BootSchemas } from "./boot-schema";
import type { MessageKey, TranslateVars } from "@/lib/i18n/translate";
import type { BootStep } from "@/lib/stores/boot-wizard-store";

export interface FieldError {
  step: BootStep;
  field: string;
  key: MessageKey;
  vars?: TranslateVars;
}

const STEP: Record<string, BootStep> = {
  name: "source",
  count: "source",
  source: "source",
  createVolume: "source",
  volumeSize: "source",
  volumeType: "source",
  deleteOnTermination: "source",
  flavorId: "flavor",
  networkIds: "networks",
  securityGroups: "security",
  keyName: "security",
};
type Issue = { code: string; path: PropertyKey[]; expected?: string; minimum?: number | bigint; maximum?: number | bigint };

/** One schema issue as a message key for its field, in the user's language (the schema's own text is the BFF's). */
function keyFor(field: string, i: Issue, value: unknown): Pick<FieldError, "key" | "vars"> {
  const notWhole = i.code === "invalid_type" && i.expected === "int";
  const empty = i.code === "invalid_type" && !notWhole;
  switch (field) {
    case "name":
      return i.code === "too_big"
        ? { key: "boot.errors.nameTooLong", vars: { max: BOOT_LIMITS.nameMax, length: String(value ?? "").trim().length } }
        : { key: "boot.errors.name" };
    case "count":
      if (empty) return { key: "boot.errors.countRequired" };
      if (notWhole) return { key: "boot.errors.countWhole" };
      return i.code === "too_big"
        ? { key: "boot.errors.countMax", vars: { max: BOOT_LIMITS.countMax } }
        : { key: "boot.errors.countMin", vars: { min: BOOT_LIMITS.countMin } };
    case "volumeSize":
      if (notWhole || empty) return { key: "boot.errors.volumeSizeWhole" };
      return i.code === "too_big"
        ? { key: "boot.errors.volumeSizeMax", vars: { max: BOOT_LIMITS.volumeSizeMax } }
        : { key: "boot.errors.volumeSize", vars: { min: BOOT_LIMITS.volumeSizeMin } };
    case "source":
      return { key: "boot.errors.source" };
    case "flavorId":
      return { key: "boot.errors.flavor" };
    case "networkIds":
      return { key: "boot.errors.networks" };
    default:
      return { key: "boot.errors.invalid" };
  }
}

/** Every field the shared schema rejects in this request, one error per field, in step order. */
export function schemaErrors(req: Record<string, unknown>, s: BootSchemas): FieldError[] {
  const parsed = s.BootRequestFields.safeParse(req);
  if (parsed.success) return [];
  const out: FieldError[] = [];
  for (const i of parsed.error.issues as Issue[]) {
    const field = String(i.path[0] ?? "source");
    if (out.some((e) => e.field === field)) continue;
    out.push({ step: STEP[field] ?? "review", field, ...keyFor(field, i, req[field]) });
  }
  return out;
}
