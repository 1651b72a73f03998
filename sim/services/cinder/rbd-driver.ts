import { RbdError, type RbdImage, type RbdRepo } from "../ceph/model";
import { clone, flatten, removeImage, rename, snapCreate, snapProtect, snapRemove, snapUnprotect } from "../ceph/rbd";

/**
 * The parts of Cinder's RBD driver (Zed, cinder/volume/drivers/rbd.py) that name RBD images: cloning a volume
 * from a volume through a `volume-<dest>.clone_snap` snapshot, and deleting a volume that still has such clones
 * by renaming it to `volume-<id>.deleted` (a hidden parent) that goes away with its last clone.
 */
export const RBD_MAX_CLONE_DEPTH = 5;
const POOL = "volumes";
const DELETED = ".deleted";
const cloneSnapOf = (dest: string) => `${dest}.clone_snap`;

/** _get_clone_info: the parent only when it was made for this volume (`<name>.clone_snap`, `.deleted` stripped). */
function cloneInfo(img: RbdImage): { image: string; snap: string } | null {
  if (!img.parent || img.parent.pool !== POOL) return null;
  const own = img.name.endsWith(DELETED) ? img.name.slice(0, -DELETED.length) : img.name;
  return img.parent.snap === cloneSnapOf(own) ? { image: img.parent.image, snap: img.parent.snap } : null;
}

/** _get_clone_depth: how many volume-to-volume clones stand behind `name`. */
function cloneDepth(repo: RbdRepo, name: string, depth = 0): number {
  const img = repo.get(POOL, name);
  const p = img ? cloneInfo(img) : null;
  return p && depth < 64 ? cloneDepth(repo, p.image, depth + 1) : depth;
}

/** create_cloned_volume: snapshot + protect `<src>@<dest>.clone_snap`, clone it; past the depth limit flatten and drop the snapshot. */
export function cloneVolume(repo: RbdRepo, src: string, dest: string, now: number, size: number): void {
  const snap = cloneSnapOf(dest);
  snapCreate(repo, POOL, src, snap, now);
  snapProtect(repo, POOL, src, snap);
  clone(repo, { pool: POOL, image: src, snap }, POOL, dest, now, size);
  if (cloneDepth(repo, src) >= RBD_MAX_CLONE_DEPTH) {
    flatten(repo, POOL, dest);
    snapUnprotect(repo, POOL, src, snap);
    snapRemove(repo, POOL, src, snap);
  }
}

/** _delete_clone_parent_refs: drop the clone's snapshot on its parent; a `.deleted` parent left without snapshots goes too, and so on up. */
function deleteParentRefs(repo: RbdRepo, parent: string, snap: string): void {
  const p = repo.get(POOL, parent);
  if (!p) return;
  const grand = cloneInfo(p);
  snapUnprotect(repo, POOL, parent, snap);
  snapRemove(repo, POOL, parent, snap);
  const left = repo.get(POOL, parent)!;
  if (left.snaps.length === 0 && parent.endsWith(DELETED)) {
    removeImage(repo, POOL, parent);
    if (grand) deleteParentRefs(repo, grand.image, grand.snap);
  }
}

/** delete_volume: a volume with a `.clone_snap` snapshot is renamed `<name>.deleted`; otherwise removed, then its parent refs cleaned. */
export function deleteVolumeImage(repo: RbdRepo, name: string): void {
  const img = repo.get(POOL, name);
  if (!img) return; // "volume no longer exists in backend"
  if (img.snaps.some((s) => s.name.endsWith(".clone_snap"))) {
    rename(repo, POOL, name, `${name}${DELETED}`);
    return;
  }
  const parent = cloneInfo(img);
  try {
    removeImage(repo, POOL, name);
  } catch (e) {
    if (!(e instanceof RbdError)) throw e;
    return;
  }
  if (parent) deleteParentRefs(repo, parent.image, parent.snap);
}
