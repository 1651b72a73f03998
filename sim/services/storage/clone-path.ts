import type { SimState } from "../../core/state";
import { CLUSTER_FSID, type SnapRef } from "../ceph/model";
import { rbdRepo } from "../ceph/repo";
import { parseRbdUrl } from "../ceph/rbd-url";
import { locationExposed, type GlanceImage } from "../glance/model";

export interface CloneDecision {
  cloneable: boolean;
  /** Why not, in the words nova/cinder log (e.g. "Not stored in rbd", "... is in a different ceph cluster"). */
  reason: string;
  ref?: SnapRef;
}

/**
 * The four conditions of nova's RBDDriver.is_cloneable and cinder's RBDDriver._is_cloneable:
 * Glance exposes the location, the fsid is this cluster's, disk_format is raw, the snapshot opens.
 */
export function cloneDecision(state: SimState, img: GlanceImage): CloneDecision {
  if (!locationExposed(state) || !img.locationUrl) return { cloneable: false, reason: "No image locations are accessible" };
  const loc = parseRbdUrl(img.locationUrl);
  if (typeof loc === "string") return { cloneable: false, reason: loc };
  if (loc.fsid !== CLUSTER_FSID) return { cloneable: false, reason: `${img.locationUrl} is in a different ceph cluster` };
  if (img.disk_format !== "raw") return { cloneable: false, reason: "Image is not raw format" };
  const rbd = rbdRepo(state).get(loc.pool, loc.image);
  if (!rbd || !rbd.snaps.some((s) => s.name === loc.snap))
    return { cloneable: false, reason: `Unable to open image ${loc.pool}/${loc.image}@${loc.snap}` };
  return { cloneable: true, reason: "cloneable", ref: { pool: loc.pool, image: loc.image, snap: loc.snap } };
}
