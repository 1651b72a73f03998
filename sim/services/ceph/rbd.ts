import { randomBytes } from "node:crypto";
import { clip, count, intersect, subtract, union } from "./extents";
import {
  OBJECT_SIZE,
  RbdError,
  imageKey,
  objectsFor,
  pyBytes,
  pyErr,
  trashKey,
  type Extent,
  type RbdImage,
  type RbdRepo,
  type RbdSnap,
  type SnapRef,
} from "./model";

/**
 * RBD semantics, clone format v1 (the measured cluster: min-compat luminous):
 * a snapshot must be protected to be cloned, unprotect fails while it has children,
 * rm fails while the image has snapshots, flatten copies the parent's objects and cuts the link.
 */

const newImageId = () => randomBytes(6).toString("hex");

function open(repo: RbdRepo, pool: string, name: string): RbdImage {
  const img = repo.get(pool, name);
  if (!img)
    throw new RbdError(
      "ENOENT",
      `rbd: error opening image ${name}: (2) No such file or directory`,
      pyErr("ENOENT", `error opening image ${pyBytes(name)} at snapshot None`),
    );
  return img;
}

/** A snapshot by name; `during` is the python binding's wording for the call that found it missing. */
function findSnap(img: RbdImage, snap: string, during = `error opening image ${pyBytes(img.name)} at snapshot ${pyBytes(snap)}`): RbdSnap {
  const s = img.snaps.find((x) => x.name === snap);
  if (!s) throw new RbdError("ENOENT", `rbd: error setting snapshot context: (2) No such file or directory`, pyErr("ENOENT", during));
  return s;
}

export interface CreateOpts {
  size: number /** bytes of data written at creation (import / copy) */;
  dataBytes?: number;
  created: number;
  imageId?: string;
}

/** rbd create (dataBytes = 0) or rbd import (dataBytes = bytes of the imported file, written densely). */
export function createImage(repo: RbdRepo, pool: string, name: string, o: CreateOpts): RbdImage {
  if (repo.get(pool, name)) throw new RbdError("EEXIST", "rbd: create error: (17) File exists", pyErr("EEXIST", `error creating image`));
  const n = Math.min(objectsFor(o.dataBytes ?? 0), objectsFor(o.size));
  const img: RbdImage = {
    id: imageKey(pool, name),
    pool,
    name,
    imageId: o.imageId ?? newImageId(),
    size: o.size,
    created: o.created,
    objects: n > 0 ? [[0, n]] : [],
    parent: null,
    snaps: [],
    nextSnapId: 4,
    stats: { copyups: 0, parentReads: 0 },
  };
  repo.put(img);
  return img;
}

export function snapCreate(repo: RbdRepo, pool: string, name: string, snap: string, now: number): RbdSnap {
  const img = open(repo, pool, name);
  if (img.snaps.some((s) => s.name === snap))
    throw new RbdError(
      "EEXIST",
      "rbd: failed to create snapshot: (17) File exists",
      pyErr("EEXIST", `error creating snapshot ${pyBytes(snap)} from ${pyBytes(name)}`),
    );
  const s: RbdSnap = {
    id: img.nextSnapId,
    name: snap,
    size: img.size,
    protected: false,
    created: now,
    objects: img.objects.map((e) => [...e] as Extent),
  };
  img.nextSnapId += 1;
  img.snaps.push(s);
  repo.put(img);
  return s;
}

export function snapProtect(repo: RbdRepo, pool: string, name: string, snap: string): void {
  const img = open(repo, pool, name);
  const s = findSnap(img, snap);
  if (s.protected)
    throw new RbdError(
      "EBUSY",
      "rbd: protecting snap failed: (16) Device or resource busy",
      pyErr("EBUSY", `error protecting snapshot ${pyBytes(name)}@${pyBytes(snap)}`),
    );
  s.protected = true;
  repo.put(img);
}

export function snapUnprotect(repo: RbdRepo, pool: string, name: string, snap: string): void {
  const img = open(repo, pool, name);
  // The dashboard asks Image.is_protected_snap first (mgr/dashboard/controllers/rbd.py RbdSnapshot.set).
  const s = findSnap(img, snap, `error checking if snapshot ${pyBytes(name)}@${pyBytes(snap)} is protected`);
  if (!s.protected)
    throw new RbdError(
      "EINVAL",
      "rbd: unprotecting snap failed: (22) Invalid argument",
      pyErr("EINVAL", `error unprotecting snapshot ${pyBytes(name)}@${pyBytes(snap)}`),
    );
  const kids = repo.children({ pool, image: name, snap });
  if (kids.length > 0) {
    const byPool = kids[0].pool;
    throw new RbdError(
      "EBUSY",
      `librbd::SnapshotUnprotectRequest: cannot unprotect: at least ${kids.length} child(ren) [${kids.map((k) => k.imageId).join(",")}] in pool '${byPool}'\n` +
        "rbd: unprotecting snap failed: (16) Device or resource busy",
      pyErr("EBUSY", `error unprotecting snapshot ${pyBytes(name)}@${pyBytes(snap)}`),
    );
  }
  s.protected = false;
  repo.put(img);
}

export function snapRemove(repo: RbdRepo, pool: string, name: string, snap: string): void {
  const img = open(repo, pool, name);
  const s = findSnap(img, snap, `error removing snapshot ${pyBytes(snap)} from ${pyBytes(name)}`);
  if (s.protected)
    throw new RbdError(
      "EBUSY",
      `rbd: snapshot '${snap}' is protected from removal.`,
      pyErr("EBUSY", `error removing snapshot ${pyBytes(snap)} from ${pyBytes(name)}`),
    );
  img.snaps = img.snaps.filter((x) => x !== s);
  repo.put(img);
}

/** rbd clone (v1): the parent snapshot must be protected. */
export function clone(repo: RbdRepo, parent: SnapRef, pool: string, name: string, now: number, size?: number): RbdImage {
  const p = open(repo, parent.pool, parent.image);
  const s = findSnap(p, parent.snap);
  if (!s.protected)
    throw new RbdError(
      "EINVAL",
      "librbd::image::CloneRequest: 0x0 validate_parent: parent snapshot must be protected\nrbd: clone error: (22) Invalid argument",
      pyErr("EINVAL", "error creating clone"),
    );
  if (repo.get(pool, name)) throw new RbdError("EEXIST", "rbd: clone error: (17) File exists", pyErr("EEXIST", "error creating clone"));
  const img: RbdImage = {
    id: imageKey(pool, name),
    pool,
    name,
    imageId: newImageId(),
    size: size ?? s.size,
    created: now,
    objects: [],
    parent: { ...parent, overlap: Math.min(s.size, size ?? s.size) },
    snaps: [],
    nextSnapId: 4,
    stats: { copyups: 0, parentReads: 0 },
  };
  repo.put(img);
  return img;
}

/** The objects a clone reads through from its ancestry (empty for an image without a parent). */
export const parentData = (repo: RbdRepo, img: RbdImage): Extent[] => ancestorData(repo, img, objectsFor(img.size));

/** rbd rename (same pool): the image keeps its id, snapshots and clones; clones' parent links follow it. */
export function rename(repo: RbdRepo, pool: string, name: string, to: string): RbdImage {
  const img = open(repo, pool, name);
  if (repo.get(pool, to))
    throw new RbdError("EEXIST", "rbd: rename error: (17) File exists", pyErr("EEXIST", `error renaming image ${pyBytes(name)}`));
  const kids = img.snaps.flatMap((s) => repo.children({ pool, image: name, snap: s.name }));
  repo.remove(pool, name);
  const moved = { ...img, id: imageKey(pool, to), name: to };
  repo.put(moved);
  for (const k of kids) repo.put({ ...k, parent: { ...k.parent!, image: to } });
  return moved;
}

/** Objects that reading through `link` would find in the ancestry, within the first `limit` objects. */
function ancestorData(repo: RbdRepo, img: RbdImage, limit: number, depth = 0): Extent[] {
  if (!img.parent || depth > 32) return [];
  const p = repo.get(img.parent.pool, img.parent.image);
  const s = p?.snaps.find((x) => x.name === img.parent!.snap);
  if (!p || !s) return [];
  const lim = Math.min(limit, objectsFor(img.parent.overlap));
  return clip(union(s.objects, ancestorData(repo, p, lim, depth + 1)), lim);
}

export interface IoResult {
  local: number;
  fromParent: number;
  zero: number;
  copyups: number;
}

/** Reads objects [start, start+n): unwritten ones are served by the parent chain (read-through). */
export function readObjects(repo: RbdRepo, pool: string, name: string, start: number, n: number): IoResult {
  const img = open(repo, pool, name);
  const range: Extent[] = [[start, Math.min(start + n, objectsFor(img.size))]];
  const local = count(intersect(range, img.objects));
  const fromParent = count(intersect(subtract(range, img.objects), ancestorData(repo, img, objectsFor(img.size))));
  if (fromParent) {
    img.stats.parentReads += fromParent;
    repo.put(img);
  }
  return { local, fromParent, zero: count(range) - local - fromParent, copyups: 0 };
}

/** Writes objects [start, start+n): the first write to an object the parent holds copies it up first. */
export function writeObjects(repo: RbdRepo, pool: string, name: string, start: number, n: number): IoResult {
  const img = open(repo, pool, name);
  const range: Extent[] = [[start, Math.min(start + n, objectsFor(img.size))]];
  const fresh = subtract(range, img.objects);
  const copyups = count(intersect(fresh, ancestorData(repo, img, objectsFor(img.size))));
  img.objects = union(img.objects, range);
  img.stats.copyups += copyups;
  repo.put(img);
  return { local: count(range) - count(fresh), fromParent: 0, zero: 0, copyups };
}

/** rbd flatten: copy every object still read from the parent, then drop the parent link. */
export function flatten(repo: RbdRepo, pool: string, name: string): { copied: number } {
  const img = open(repo, pool, name);
  if (!img.parent)
    throw new RbdError("EINVAL", "rbd: flatten error: (22) Invalid argument", pyErr("EINVAL", `error flattening ${pyBytes(name)}`));
  const missing = subtract(ancestorData(repo, img, objectsFor(img.size)), img.objects);
  const copied = count(missing);
  img.objects = union(img.objects, missing);
  img.stats.copyups += copied;
  img.parent = null;
  repo.put(img);
  return { copied };
}

/** rbd rm: refused (ENOTEMPTY, rc 39) while the image has snapshots. */
export function removeImage(repo: RbdRepo, pool: string, name: string): void {
  const img = open(repo, pool, name);
  if (img.snaps.length > 0)
    throw new RbdError(
      "ENOTEMPTY",
      "rbd: image has snapshots - these must be deleted with 'rbd snap purge' before the image can be removed.",
      pyErr("ENOTEMPTY", "error removing image"),
    );
  repo.remove(pool, name);
}

/** rbd children (without --all): children in the trash are left out, though they still hold the snapshot. */
export const children = (repo: RbdRepo, ref: SnapRef) =>
  repo
    .children(ref)
    .filter((c) => !c.trash)
    .map((c) => ({ pool: c.pool, pool_namespace: "", image: c.name }));

/** rbd trash mv: the image leaves its name (which is free again) and is kept by id; a clone keeps its parent. */
export function trashMove(repo: RbdRepo, pool: string, name: string, now: number): RbdImage {
  const img = repo.get(pool, name);
  if (!img)
    throw new RbdError(
      "ENOENT",
      "rbd: deferred delete error: (2) No such file or directory",
      pyErr("ENOENT", "error moving image to trash"),
    );
  repo.remove(pool, name);
  const moved: RbdImage = { ...img, id: trashKey(pool, img.imageId), trash: { deletedAt: now } };
  repo.put(moved);
  return moved;
}

const trashed = (repo: RbdRepo, pool: string, imageId: string, what: string) => {
  const img = repo.all().find((i) => i.id === trashKey(pool, imageId));
  if (!img)
    throw new RbdError(
      "ENOENT",
      `rbd: ${what} error: (2) No such file or directory`,
      pyErr("ENOENT", `error ${what === "restore" ? "restoring image from" : "deleting image from"} trash`),
    );
  return img;
};

/** The pool's trash (rbd trash ls). */
export const trashList = (repo: RbdRepo, pool: string) => repo.all().filter((i) => i.pool === pool && i.trash);

/** rbd trash restore [--image new-name]: EEXIST when the name is taken again. */
export function trashRestore(repo: RbdRepo, pool: string, imageId: string, name?: string): RbdImage {
  const img = trashed(repo, pool, imageId, "restore");
  const to = name || img.name;
  if (repo.get(pool, to))
    throw new RbdError("EEXIST", "rbd: restore error: (17) File exists", pyErr("EEXIST", "error restoring image from trash"));
  repo.remove(pool, `.trash/${imageId}`);
  const { trash: _, ...rest } = img;
  const back: RbdImage = { ...rest, id: imageKey(pool, to), name: to };
  repo.put(back);
  return back;
}

/** rbd trash rm: refused (ENOTEMPTY) while the image has snapshots; a clone lets go of its parent snapshot. */
export function trashRemove(repo: RbdRepo, pool: string, imageId: string): void {
  const img = trashed(repo, pool, imageId, "remove");
  if (img.snaps.length > 0)
    throw new RbdError(
      "ENOTEMPTY",
      "rbd: image has snapshots - these must be deleted with 'rbd snap purge' before the image can be removed.",
      pyErr("ENOTEMPTY", "error deleting image from trash"),
    );
  repo.remove(pool, `.trash/${imageId}`);
}

/** Bytes this image stores itself (thin provisioning: a fresh clone uses 0). */
export const usedBytes = (img: RbdImage) => Math.min(count(img.objects) * OBJECT_SIZE, img.size);

/** rbd du -p <pool> --format json: one entry per snapshot plus HEAD, totals for the pool. */
export function du(repo: RbdRepo, pool: string) {
  const images: Record<string, unknown>[] = [];
  let prov = 0,
    used = 0;
  for (const img of repo.all().filter((i) => i.pool === pool)) {
    let prev: Extent[] = [];
    for (const s of img.snaps) {
      const u = count(subtract(s.objects, prev)) * OBJECT_SIZE;
      images.push({ name: img.name, id: img.imageId, snapshot: s.name, snapshot_id: s.id, provisioned_size: s.size, used_size: u });
      prov += s.size;
      used += u;
      prev = s.objects;
    }
    const u = Math.min(count(subtract(img.objects, prev)) * OBJECT_SIZE, img.size);
    images.push({ name: img.name, id: img.imageId, provisioned_size: img.size, used_size: u });
    prov += img.size;
    used += u;
  }
  return { images, total_provisioned_size: prov, total_used_size: used };
}
