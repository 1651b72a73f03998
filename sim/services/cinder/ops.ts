import type { SimState } from "../../core/state";
import { uuid } from "../../core/ids";
import { rbdRepo } from "../ceph/repo";
import { clone, createImage, snapCreate, snapProtect, snapRemove, snapUnprotect } from "../ceph/rbd";
import { cloneDecision } from "../storage/clone-path";
import { cloneVolume, deleteVolumeImage } from "./rbd-driver";
import { BLANK_VOLUME_SECONDS, CLONE_SECONDS, SNAPSHOT_SECONDS, copyStages } from "../storage/timing";
import type { GlanceImage } from "../glance/model";
import {
  BACKEND_HOST,
  findType,
  rbdSnapName,
  rbdVolumeName,
  snapshots,
  volumeImageName,
  volumes,
  type Snapshot,
  type Volume,
} from "./model";
import { isGone, volumeStatus } from "./status";

const GiB = 1024 ** 3;
export class CinderError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface CreateVolumeInput {
  projectId: string;
  userId: string;
  size?: number;
  name?: string | null;
  description?: string | null;
  volumeType?: string | null;
  image?: GlanceImage;
  snapshotId?: string | null;
  metadata?: Record<string, string>;
  availabilityZone?: string | null;
  id?: string;
  sourceVolid?: string | null;
  /** Wall-clock start; defaults to now (nova passes the start of its block_device_mapping stage). */
  at?: number;
}

/** volume_image_metadata: image_id, image_name, checksum, formats, min_*, size and every property, all strings. */
export function imageMetadata(img: GlanceImage): Record<string, string> {
  const md: Record<string, string> = {
    image_id: img.id,
    image_name: img.name ?? "",
    checksum: img.checksum ?? "",
    container_format: img.container_format ?? "",
    disk_format: img.disk_format ?? "",
    min_disk: String(img.min_disk),
    min_ram: String(img.min_ram),
    size: String(img.size ?? 0),
  };
  for (const [k, v] of Object.entries(img.properties)) md[k] = String(v);
  return md;
}

/**
 * Cinder's create flow on the RBD driver. From an image: clone images/<id>@snap when the four conditions
 * hold (status creating ≈ 1 s), else download while `creating`, then convert + import while `downloading`.
 */
export function createVolume(state: SimState, inp: CreateVolumeInput): Volume {
  const at = inp.at ?? state.clock.now();
  const ms = (s: number) => state.clock.ms(s);
  const type = findType(state, inp.volumeType);
  if (!type) throw new CinderError(404, `Volume type with name ${inp.volumeType} could not be found.`);
  const id = inp.id ?? uuid();
  const repo = rbdRepo(state);
  const name = rbdVolumeName(id);
  let size = inp.size;
  const base: Omit<Volume, "size" | "path" | "creatingUntil" | "downloadingUntil"> = {
    id,
    projectId: inp.projectId,
    userId: inp.userId,
    name: inp.name ?? null,
    description: inp.description ?? null,
    typeId: type.id,
    availabilityZone: inp.availabilityZone ?? "nova",
    created: at,
    snapshotId: null,
    sourceVolid: null,
    imageId: null,
    imageMetadata: null,
    bootable: false,
    metadata: inp.metadata ?? {},
    attachments: [],
    host: BACKEND_HOST,
  };
  let vol: Volume;
  if (inp.sourceVolid) {
    const src = liveVolume(state, inp.sourceVolid);
    if (!src) throw new CinderError(404, `Volume ${inp.sourceVolid} could not be found.`);
    const st = volumeStatus(src, at);
    if (st !== "available" && st !== "in-use")
      throw new CinderError(400, `Invalid volume: Volume ${src.id} status must be available or in-use, but current status is: ${st}.`);
    size = size ?? src.size;
    if (size < src.size)
      throw new CinderError(
        400,
        `Invalid input received: Volume size '${size}'GB cannot be smaller than the source volume size ${src.size}GB. They must be >= original volume size.`,
      );
    cloneVolume(repo, volumeImageName(src), name, at, size * GiB);
    vol = {
      ...base,
      size,
      path: "source",
      creatingUntil: at + ms(CLONE_SECONDS),
      downloadingUntil: null,
      sourceVolid: src.id,
      bootable: src.bootable,
      imageId: src.imageId,
      imageMetadata: src.imageMetadata,
    };
  } else if (inp.snapshotId) {
    const snap = snapshots(state).get(inp.snapshotId);
    if (!snap) throw new CinderError(404, `Snapshot ${inp.snapshotId} could not be found.`);
    size = size ?? snap.size;
    if (size < snap.size)
      throw new CinderError(
        400,
        `Invalid input received: Volume size '${size}'GB cannot be smaller than the snapshot size ${snap.size}GB. They must be >= original snapshot size.`,
      );
    const src = volumes(state).get(snap.volumeId);
    clone(
      repo,
      { pool: "volumes", image: src ? volumeImageName(src) : rbdVolumeName(snap.volumeId), snap: rbdSnapName(snap.id) },
      "volumes",
      name,
      at,
      size * GiB,
    );
    vol = {
      ...base,
      size,
      path: "snapshot",
      creatingUntil: at + ms(CLONE_SECONDS),
      downloadingUntil: null,
      snapshotId: snap.id,
      bootable: src?.bootable ?? false,
      imageId: src?.imageId ?? null,
      imageMetadata: src?.imageMetadata ?? null,
    };
  } else if (inp.image) {
    const img = inp.image;
    if (img.status !== "active") throw new CinderError(400, `Invalid image identifier or unable to access requested image.`);
    const imgGb = Math.ceil(Math.max(img.size ?? 0, img.virtual_size ?? 0) / GiB);
    size = size ?? Math.max(imgGb, img.min_disk, 1);
    if (imgGb > size)
      throw new CinderError(400, `Invalid input received: Size of specified image ${imgGb}GB is larger than volume size ${size}GB.`);
    if (img.min_disk > size)
      throw new CinderError(
        400,
        `Invalid input received: Volume size ${size}GB cannot be smaller than the image minDisk size ${img.min_disk}GB.`,
      );
    const d = cloneDecision(state, img);
    const common = { ...base, size, imageId: img.id, imageMetadata: imageMetadata(img), bootable: true };
    if (d.cloneable && d.ref) {
      clone(repo, d.ref, "volumes", name, at, size * GiB);
      vol = { ...common, path: "clone", creatingUntil: at + ms(CLONE_SECONDS), downloadingUntil: null };
    } else {
      const st = copyStages(img);
      createImage(repo, "volumes", name, {
        size: size * GiB,
        dataBytes: Math.min(img.size ?? 0, img.virtual_size ?? img.size ?? 0),
        created: at,
      });
      const creatingUntil = at + ms(st.download);
      vol = { ...common, path: "copy", creatingUntil, downloadingUntil: creatingUntil + ms(st.convert + st.import), cloneReason: d.reason };
      // A qcow2 whose header Glance could not read fails in qemu-img convert: downloading, then error.
      if (img.disk_format === "qcow2" && img.virtual_size === null)
        vol = { ...vol, downloadingUntil: creatingUntil + ms(0.3), errorAt: creatingUntil + ms(0.3) };
    }
  } else {
    if (!size || size < 1) throw new CinderError(400, "Invalid input received: Volume size must be an integer and greater than 0");
    createImage(repo, "volumes", name, { size: size * GiB, created: at });
    vol = { ...base, size, path: "blank", creatingUntil: at + ms(BLANK_VOLUME_SECONDS), downloadingUntil: null };
  }
  volumes(state).put(vol);
  return vol;
}

/** A volume as the API sees it now (undefined if gone). */
export function liveVolume(state: SimState, id: string): Volume | undefined {
  const v = volumes(state).get(id);
  if (!v) return undefined;
  if (isGone(v, state.clock.now())) {
    purgeVolume(state, v);
    return undefined;
  }
  return v;
}

/** Applies deletions that have come due (nova removing a delete_on_termination volume after a failed build). */
const deleting = new WeakMap<object, { generation: number; list: Volume[] }>();

/**
 * Removes the volumes whose deletion has finished. The volumes being deleted are found by a scan only after a
 * volume was written (every Ceph Dashboard and Cinder request calls this: at 5k volumes a scan per request was
 * most of a single image read's time).
 */
export function purgeGoneVolumes(state: SimState): void {
  const now = state.clock.now();
  const col = volumes(state);
  let hit = deleting.get(state.store);
  if (!hit || hit.generation !== col.generation()) {
    hit = { generation: col.generation(), list: col.filter((x) => x.deleteAt !== undefined) };
    deleting.set(state.store, hit);
  }
  for (const v of hit.list.filter((x) => isGone(x, now))) purgeVolume(state, v);
}

function purgeVolume(state: SimState, v: Volume): void {
  deleteVolumeImage(rbdRepo(state), volumeImageName(v));
  volumes(state).remove(v.id);
}

/** The statuses Cinder deletes a volume in (anything else: 400 "Invalid volume: Volume status must be …"). */
export const DELETABLE = ["available", "error", "error_restoring", "error_extending", "error_managing"];

/** DELETE /volumes/{id}: refused while attached, busy or with snapshots. */
export function deleteVolume(state: SimState, v: Volume, opts: { cascade?: boolean } = {}): void {
  const st = volumeStatus(v, state.clock.now());
  const snaps = snapshots(state).filter((s) => s.volumeId === v.id);
  if (!DELETABLE.includes(st) || (snaps.length > 0 && !opts.cascade))
    throw new CinderError(
      400,
      "Invalid volume: Volume status must be available or error or error_restoring or error_extending or error_managing and must not be migrating, attached, belong to a group, have snapshots, awaiting a transfer, or be disassociated from snapshots after volume transfer.",
    );
  // A busy snapshot stops the cascade: the volume stays (real Cinder leaves it in error_deleting).
  for (const s of snaps) if (!deleteSnapshot(state, s)) return;
  purgeVolume(state, v);
}

/** Cinder's RBD create_snapshot: rbd snap create + protect volumes/volume-<id>@snapshot-<sid>. */
export function createSnapshot(
  state: SimState,
  v: Volume,
  inp: { userId: string; name?: string | null; description?: string | null; force?: boolean; id?: string; at?: number },
): Snapshot {
  const now = inp.at ?? state.clock.now();
  const st = volumeStatus(v, now);
  if (st !== "available" && !(st === "in-use" && inp.force))
    throw new CinderError(400, `Invalid volume: Volume ${v.id} status must be available, but current status is: ${st}.`);
  const id = inp.id ?? uuid();
  const repo = rbdRepo(state);
  snapCreate(repo, "volumes", volumeImageName(v), rbdSnapName(id), now);
  snapProtect(repo, "volumes", volumeImageName(v), rbdSnapName(id));
  const s: Snapshot = {
    id,
    projectId: v.projectId,
    userId: inp.userId,
    volumeId: v.id,
    name: inp.name ?? null,
    description: inp.description ?? null,
    size: v.size,
    created: now,
    readyAt: now + state.clock.ms(SNAPSHOT_SECONDS),
    metadata: {},
  };
  snapshots(state).put(s);
  return s;
}

/**
 * Cinder's RBD delete_snapshot: unprotect and remove. While a clone still depends on the snapshot, unprotect fails
 * with EBUSY and the driver raises SnapshotIsBusy: the snapshot stays, available again (as measured on the real
 * tier: "Delete snapshot failed, due to snapshot busy."). Returns whether it went.
 */
export function deleteSnapshot(state: SimState, s: Snapshot): boolean {
  const repo = rbdRepo(state);
  const owner = volumes(state).get(s.volumeId);
  const vol = owner ? volumeImageName(owner) : rbdVolumeName(s.volumeId),
    snap = rbdSnapName(s.id);
  if (repo.get("volumes", vol)?.snaps.some((x) => x.name === snap)) {
    if (repo.children({ pool: "volumes", image: vol, snap }).length > 0) return false;
    snapUnprotect(repo, "volumes", vol, snap);
    snapRemove(repo, "volumes", vol, snap);
  }
  snapshots(state).remove(s.id);
  return true;
}
