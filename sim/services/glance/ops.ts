import { createHash } from "node:crypto";
import type { SimState } from "../../core/state";
import { uuid } from "../../core/ids";
import { CLUSTER_FSID, RbdError } from "../ceph/model";
import { rbdRepo } from "../ceph/repo";
import { createImage, removeImage, snapCreate, snapProtect, snapRemove, snapUnprotect } from "../ceph/rbd";
import { parseRbdUrl } from "../ceph/rbd-url";
import { glanceImages, rbdUrl, type GlanceImage } from "./model";

export function newImage(state: SimState, owner: string, f: Partial<GlanceImage>): GlanceImage {
  const now = state.clock.now();
  return {
    id: f.id ?? uuid(),
    name: f.name ?? null,
    status: f.status ?? "queued",
    disk_format: f.disk_format ?? null,
    container_format: f.container_format ?? null,
    visibility: f.visibility ?? "shared",
    size: f.size ?? null,
    virtual_size: f.virtual_size ?? null,
    checksum: f.checksum ?? null,
    os_hash_algo: f.os_hash_algo ?? null,
    os_hash_value: f.os_hash_value ?? null,
    protected: f.protected ?? false,
    min_ram: f.min_ram ?? 0,
    min_disk: f.min_disk ?? 0,
    owner: f.owner ?? owner,
    os_hidden: f.os_hidden ?? false,
    tags: f.tags ?? [],
    created: f.created ?? now,
    updated: f.updated ?? now,
    properties: f.properties ?? {},
    locationUrl: f.locationUrl ?? null,
  };
}

/** qcow2 header: magic "QFI\xfb", virtual size as big-endian u64 at offset 24. */
export function qcow2VirtualSize(data: Uint8Array): number | null {
  if (data.length < 32 || data[0] !== 0x51 || data[1] !== 0x46 || data[2] !== 0x49 || data[3] !== 0xfb) return null;
  return Number(new DataView(data.buffer, data.byteOffset, data.byteLength).getBigUint64(24));
}

/**
 * What glance_store's RBD driver does on upload: rbd import into images/<id>, create snapshot "snap",
 * protect it, and record rbd://<fsid>/images/<id>/snap. Data is accounted by size, not stored.
 */
export function storeImageData(
  state: SimState,
  img: GlanceImage,
  size: number,
  digests: { md5: string; sha512: string },
  virtualSize: number | null,
): GlanceImage {
  const repo = rbdRepo(state);
  const now = state.clock.now();
  createImage(repo, "images", img.id, { size, dataBytes: size, created: now });
  snapCreate(repo, "images", img.id, "snap", now);
  snapProtect(repo, "images", img.id, "snap");
  const next: GlanceImage = {
    ...img,
    status: "active",
    size,
    checksum: digests.md5,
    os_hash_algo: "sha512",
    os_hash_value: digests.sha512,
    virtual_size: virtualSize ?? (img.disk_format === "raw" ? size : null),
    locationUrl: rbdUrl(CLUSTER_FSID, "images", img.id),
    updated: now,
  };
  glanceImages(state).put(next);
  return next;
}

/** Uploads up to this size keep their bytes, so GET /file can serve them (a copy or conversion reads them back). */
export const KEPT_BYTES_LIMIT = 32 * 1048576;
export const glanceData = (state: SimState) => state.store.collection<{ id: string; b64: string }>("glance.data");
/** Keeps a small upload's bytes under the image id (larger ones are accounted by size only). */
export function keepBytes(state: SimState, id: string, data: Uint8Array) {
  if (data.length <= KEPT_BYTES_LIMIT) glanceData(state).put({ id, b64: Buffer.from(data).toString("base64") });
}

export function uploadBytes(state: SimState, img: GlanceImage, data: Uint8Array): GlanceImage {
  keepBytes(state, img.id, data);
  const md5 = createHash("md5").update(data).digest("hex");
  const sha512 = createHash("sha512").update(data).digest("hex");
  return storeImageData(state, img, data.length, { md5, sha512 }, img.disk_format === "qcow2" ? qcow2VirtualSize(data) : null);
}

export type DeleteResult = { ok: true } | { ok: false; status: 403 | 409; message: string };

/**
 * DELETE /v2/images/{id} on the RBD store (glance_store 4.1, clone v1, as measured on Zed):
 * protected → 403; unprotect of "snap" gets EBUSY while clones exist → InUseByStore → 409.
 */
export function deleteImage(state: SimState, img: GlanceImage): DeleteResult {
  if (img.protected) return { ok: false, status: 403, message: `Image ${img.id} is protected and cannot be deleted.` };
  const loc = img.locationUrl ? parseRbdUrl(img.locationUrl) : null;
  if (loc && typeof loc !== "string" && loc.fsid === CLUSTER_FSID) {
    const repo = rbdRepo(state);
    const rbd = repo.get(loc.pool, loc.image);
    if (rbd) {
      try {
        const snap = rbd.snaps.find((s) => s.name === loc.snap);
        if (snap?.protected) snapUnprotect(repo, loc.pool, loc.image, loc.snap);
        if (snap) snapRemove(repo, loc.pool, loc.image, loc.snap);
        removeImage(repo, loc.pool, loc.image);
      } catch (e) {
        if (e instanceof RbdError && (e.code === "EBUSY" || e.code === "ENOTEMPTY")) {
          return {
            ok: false,
            status: 409,
            message: `Image ${img.id} could not be deleted because it is in use: The image cannot be deleted because it is in use through the backend store outside of Glance.`,
          };
        }
        throw e;
      }
    }
  }
  glanceImages(state).remove(img.id);
  glanceData(state).remove(img.id);
  return { ok: true };
}
