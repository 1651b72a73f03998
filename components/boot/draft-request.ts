import type { BootRequestInput } from "@/lib/schemas/boot";
import type { BootSchemas } from "./boot-schema";
import type { BootOptions, BootPlanRequest } from "@/lib/queries/boot";
import type { BootDraft } from "@/lib/stores/boot-wizard-store";
import { makesVolume } from "./draft-facts";

/**
 * The draft as the launch's body, with what the form hides left out: a size or type with no new volume is not
 * sent, nor delete-on-termination with no volume at all. Values are as typed (no rounding, no clamping): the
 * shared schema says what is wrong with them.
 */
export function draftRequest(d: BootDraft, o: BootOptions | undefined): Partial<BootRequestInput> & Record<string, unknown> {
  const volume = makesVolume(d, o);
  return {
    ...(d.source ? { source: d.source } : {}),
    name: d.name,
    count: d.count ?? Number.NaN,
    createVolume: d.createVolume,
    networkIds: d.networkIds,
    securityGroups: d.securityGroups,
    ...(d.flavorId ? { flavorId: d.flavorId } : {}),
    ...(d.keyName ? { keyName: d.keyName } : {}),
    ...(volume || d.source?.type === "volume" ? { deleteOnTermination: d.deleteOnTermination } : {}),
    ...(volume && d.volumeSize !== null ? { volumeSize: d.volumeSize } : {}),
    ...(volume && d.volumeType ? { volumeType: d.volumeType } : {}),
  };
}

/**
 * The plan endpoint's body: the launch's fields that are valid, so the plan stays on screen while a field is
 * wrong (its error shows at the field). An invalid size is left to the plan's minimum, an invalid count to 1.
 */
export function toPlanRequest(d: BootDraft, o: BootOptions | undefined, s: BootSchemas | null): BootPlanRequest | null {
  if (!d.source || !s) return null;
  const { BootPlanRequestFields } = s;
  const { name: _n, ...req } = draftRequest(d, o);
  const bad = new Set((BootPlanRequestFields.safeParse(req).error?.issues ?? []).map((i) => String(i.path[0])));
  const body = Object.fromEntries(Object.entries(req).filter(([k]) => !bad.has(k)));
  const parsed = BootPlanRequestFields.safeParse(body);
  return parsed.success ? (parsed.data as BootPlanRequest) : null;
}

/** The launch's body when the whole draft passes the shared schema, else null. */
export function toBootRequest(d: BootDraft, o: BootOptions | undefined, s: BootSchemas | null) {
  if (!s) return null;
  const parsed = s.BootRequestFields.safeParse(draftRequest(d, o));
  return parsed.success ? parsed.data : null;
}
