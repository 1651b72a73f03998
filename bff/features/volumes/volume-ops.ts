import { ApiError, badRequest } from "../../errors";
import type { Cinder, CinderVolume } from "../../openstack/cinder";
import type { Glance } from "../../openstack/glance";
import type { Nova } from "../../openstack/nova";
import { volumeActionState } from "./action-policy";
import { volumeSnapshotsOf } from "./volume-detail";
import type { VolumeAction, VolumeCreate } from "./schema";
import type { z } from "@hono/zod-openapi";
import type { VolumeRetypeRequest, VolumeSnapshotRequest } from "./schema";

const GiB = 1024 ** 3;

/** The smallest volume an image fits in: its virtual size (or size) in GiB, and its min_disk. */
export const imageMinGiB = (img: { size?: number | null; virtual_size?: number | null; min_disk?: number | null }) =>
  Math.max(1, Math.ceil(Math.max(img.size ?? 0, img.virtual_size ?? 0) / GiB), img.min_disk ?? 0);

/** Cinder's create body for the form's choices (imageRef / snapshot_id / source_volid, or blank). */
export function createBody(inp: VolumeCreate, size: number | undefined): Record<string, unknown> {
  const body: Record<string, unknown> = { name: inp.name || null };
  if (inp.description) body.description = inp.description;
  if (size !== undefined) body.size = size;
  if (inp.volumeType) body.volume_type = inp.volumeType;
  if (inp.source.type === "image") body.imageRef = inp.source.id;
  if (inp.source.type === "snapshot") body.snapshot_id = inp.source.id;
  if (inp.source.type === "volume") body.source_volid = inp.source.id;
  return body;
}

/**
 * Creates a volume (never retried). From an image with no size given, the size is the image's own minimum; a size
 * below the source's is refused here with the field, before Cinder is asked.
 */
export async function createVolume(io: { cinder: Cinder; glance: Glance }, inp: VolumeCreate) {
  let size = inp.sizeGiB;
  let min: number | null = null;
  if (inp.source.type === "image") min = imageMinGiB(await io.glance.image(inp.source.id!));
  if (inp.source.type === "snapshot") min = (await io.cinder.snapshot(inp.source.id!)).size;
  if (inp.source.type === "volume") min = (await io.cinder.volume(inp.source.id!)).size;
  if (min !== null && size !== undefined && size < min)
    throw badRequest("body.sizeGiB", `must be at least ${min} GiB, the source's size`, { minGiB: min });
  if (inp.source.type === "image") size ??= min ?? undefined;
  const v = await io.cinder.createVolume(createBody(inp, size));
  return { id: v.id, status: v.status };
}

/** Refuses, with the reason, what the policy says Cinder would refuse: 409 `action_not_allowed`. */
async function allowed(cinder: Cinder, id: string, action: VolumeAction): Promise<CinderVolume> {
  const needsSnapshots = action === "delete";
  const [v, snaps] = await Promise.all([cinder.volume(id), needsSnapshots ? volumeSnapshotsOf(cinder, id) : Promise.resolve([])]);
  const state = volumeActionState(action, { status: v.status, attachments: (v.attachments ?? []).length, snapshots: snaps.length });
  if (!state.enabled)
    throw new ApiError(409, "action_not_allowed", state.message ?? `${action} is not allowed now`, {
      service: "volume",
      details: { action, reason: state.reason, ...state.params },
    });
  return v;
}

export async function extendVolume(cinder: Cinder, id: string, newSizeGiB: number) {
  const v = await allowed(cinder, id, "extend");
  if (newSizeGiB <= v.size)
    throw badRequest("body.newSizeGiB", `must be greater than the current size (${v.size} GiB)`, { sizeGiB: v.size });
  await cinder.volumeAction(id, { "os-extend": { new_size: newSizeGiB } });
  return { id, status: v.status };
}

export async function retypeVolume(cinder: Cinder, id: string, inp: z.infer<typeof VolumeRetypeRequest>) {
  const v = await allowed(cinder, id, "retype");
  if (v.volume_type === inp.volumeType) throw badRequest("body.volumeType", "the volume already has this type", { type: v.volume_type });
  await cinder.volumeAction(id, { "os-retype": { new_type: inp.volumeType, migration_policy: inp.migrationPolicy } });
  return { id, status: v.status };
}

export async function snapshotVolume(cinder: Cinder, id: string, inp: z.infer<typeof VolumeSnapshotRequest>) {
  const v = await allowed(cinder, id, "snapshot");
  if (v.status === "in-use" && !inp.force)
    throw new ApiError(409, "action_not_allowed", "Snapshot: the volume is in use; confirm to snapshot it while attached", {
      service: "volume",
      details: { action: "snapshot", reason: "attached", status: v.status, attachments: v.attachments.length, snapshots: 0 },
    });
  // At 3.66+ Cinder snapshots an in-use volume without `force`, and refuses force=false: it is never sent.
  const s = await cinder.createSnapshot({ volume_id: id, name: inp.name || null });
  return { id: s.id, status: s.status };
}

export async function deleteVolume(cinder: Cinder, id: string) {
  const v = await allowed(cinder, id, "delete");
  await cinder.deleteVolume(id);
  return { id, status: v.status };
}

export async function deleteVolumeSnapshot(cinder: Cinder, id: string) {
  const s = await cinder.snapshot(id);
  await cinder.deleteSnapshot(id);
  return { id, status: s.status };
}

/** Attaches through Nova (which reserves and connects through Cinder); never retried. */
export async function attachVolume(io: { cinder: Cinder; nova: Nova }, id: string, serverId: string) {
  const v = await allowed(io.cinder, id, "attach");
  await io.nova.attachVolume(serverId, id);
  return { id, status: v.status };
}

export async function detachVolume(io: { cinder: Cinder; nova: Nova }, id: string) {
  const v = await allowed(io.cinder, id, "detach");
  for (const a of v.attachments) await io.nova.detachVolume(a.server_id, id);
  return { id, status: v.status };
}
