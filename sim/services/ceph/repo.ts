import type { SimState } from "../../core/state";
import { imageKey, type RbdImage, type RbdRepo } from "./model";

/** The cluster's RBD images in the sim's SQLite store (kind "ceph.rbd", id "<pool>/<name>"). */
export function rbdRepo(state: SimState): RbdRepo {
  const col = state.store.collection<RbdImage>("ceph.rbd");
  return {
    get: (pool, name) => col.get(imageKey(pool, name)),
    put: (img) => void col.put(img),
    remove: (pool, name) => void col.remove(imageKey(pool, name)),
    all: () => col.all(),
    children: (r) => col.filter((i) => !!i.parent && i.parent.pool === r.pool && i.parent.image === r.image && i.parent.snap === r.snap),
  };
}

/**
 * Builds a parent → children index in one pass (for listing many images). Like librbd's list_children, it leaves
 * out children in the trash, which still hold their parent snapshot (unprotect counts them: EBUSY).
 */
export function childIndex(all: RbdImage[]): Map<string, RbdImage[]> {
  const idx = new Map<string, RbdImage[]>();
  for (const i of all) {
    if (!i.parent || i.trash) continue;
    const k = `${i.parent.pool}/${i.parent.image}@${i.parent.snap}`;
    const list = idx.get(k);
    if (list) list.push(i); else idx.set(k, [i]);
  }
  return idx;
}
