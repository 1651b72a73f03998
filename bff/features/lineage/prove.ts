import { ApiError } from "../../errors";
import { type StepError, upstreamOf } from "./step-codes";

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const IMAGE = new RegExp(`^images/(${UUID})$`, "i");
const DISK = new RegExp(`^vms/(${UUID})_disk(\\..+)?$`, "i");
const VOLUME = new RegExp(`^volumes/volume-(${UUID})(\\.deleted)?$`, "i");

export interface OwnerRef {
  service: "glance" | "nova" | "cinder";
  id: string;
}

/** The one OpenStack resource whose existence would make this RBD image live, from its name; null if none. */
export function ownerRefOf(spec: string): OwnerRef | null {
  const img = IMAGE.exec(spec);
  if (img) return { service: "glance", id: img[1] };
  const disk = DISK.exec(spec);
  if (disk) return { service: "nova", id: disk[1] };
  const vol = VOLUME.exec(spec);
  if (vol) return { service: "cinder", id: vol[1] };
  return null;
}

/** Reads by id: resolves with a name when the owner exists, and rejects (404 included) otherwise. */
export type OwnerReader = (ref: OwnerRef) => Promise<{ name: string | null; status?: string | null }>;

/** Not gone: `error` is the code the UI renders; `reason` the same in English, for the audit log and API messages. */
export type Proof = { gone: true } | { gone: false; code: "owner_found" | "owner_unproven"; reason: string; error: StepError };

const label = { glance: "Glance image", nova: "Nova server", cinder: "Cinder volume" } as const;

/**
 * An orphan's owner is gone only if a read by id answers 404 (GET /v2/images/{id}, /servers/{id} at 2.69,
 * /volumes/{id}) naming that id. A found owner, or any other failure (timeout, 5xx, 403, a route's 404), is not proof.
 */
export async function proveGone(spec: string, read: OwnerReader): Promise<Proof> {
  const ref = ownerRefOf(spec);
  if (!ref)
    return {
      gone: false,
      code: "owner_unproven",
      reason: `${spec}: no OpenStack naming pattern names an owner to read`,
      error: { code: "owner_unproven", params: { owner: null }, upstream: null },
    };
  try {
    const found = await read(ref);
    const status = found.status ? ` (status ${found.status})` : "";
    return {
      gone: false,
      code: "owner_found",
      reason: `${spec} belongs to ${label[ref.service]} ${found.name || ref.id}${status}: GET by id found it`,
      error: {
        code: "owner_found",
        params: { owner: ref.service, name: found.name || null, status: found.status ?? null },
        upstream: null,
      },
    };
  } catch (e) {
    // Only the resource's own 404 counts ("No image found with ID <id>", "Instance <id> could not be found.",
    // "Volume <id> could not be found."), not a 404 for a wrong path or endpoint.
    if (e instanceof ApiError && e.status === 404 && e.message.toLowerCase().includes(ref.id.toLowerCase())) return { gone: true };
    const why = e instanceof Error ? e.message : String(e);
    return {
      gone: false,
      code: "owner_unproven",
      reason: `${spec}: reading ${label[ref.service]} ${ref.id} failed, so its absence is not proven (${why})`,
      error: { code: "owner_unproven", params: { owner: ref.service }, upstream: upstreamOf(e) },
    };
  }
}
