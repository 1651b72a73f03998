import type { CephDashboard } from "./dashboard";

/** The pool and snapshot where Glance's RBD store keeps an image of this cluster: images/<image id>@snap. */
export const GLANCE_POOL = "images";
export const GLANCE_SNAP = "snap";

export type StoreStatus = "found-protected" | "found-unprotected" | "found-no-snap" | "absent" | "unknown";

/**
 * Does this cluster hold images/<id>, and is its `snap` protected? One image read by id with omit_usage (never the
 * dashboard's image list, which can crash ceph-mgr). A bare status: no Ceph text, URL or fsid leaves this function.
 */
export async function glanceStoreStatus(ceph: CephDashboard | null, imageId: string): Promise<StoreStatus> {
  if (!ceph) return "unknown";
  try {
    const rbd = await ceph.image(GLANCE_POOL, imageId);
    if (!rbd) return "absent";
    const snap = rbd.snapshots.find((s) => s.name === GLANCE_SNAP);
    return !snap ? "found-no-snap" : snap.is_protected ? "found-protected" : "found-unprotected";
  } catch {
    return "unknown";
  }
}
