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
    generation: () => col.generation(),
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
    if (list) list.push(i);
    else idx.set(k, [i]);
  }
  return idx;
}

const indexes = new WeakMap<object, { generation: number; idx: Map<string, RbdImage[]> }>();

/**
 * The parent → children index of the cluster, rebuilt only after an RBD image was written: a single image's read
 * (what Ceph answers from the parent's own children list) then costs its children, not a scan of every image.
 */
export function childIndexOf(state: SimState): Map<string, RbdImage[]> {
  const repo = rbdRepo(state);
  const generation = repo.generation();
  const hit = indexes.get(state.store);
  if (hit && hit.generation === generation) return hit.idx;
  const idx = childIndex(repo.all());
  indexes.set(state.store, { generation, idx });
  return idx;
}
