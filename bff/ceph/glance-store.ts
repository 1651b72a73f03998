import type { Services } from "../lib/services";
import type { RequestSession } from "../session/session-service";
import { cephAccount } from "./account";
import { createCephDashboard, type CephDashboard } from "./dashboard";

/** The pool and snapshot where Glance's RBD store keeps an image of this cluster: images/<image id>@snap. */
export const GLANCE_POOL = "images";
export const GLANCE_SNAP = "snap";

/** The Ceph Dashboard with the BFF's service account, or null with why (no endpoint in the catalog or config). */
export function cephFor(services: Services, session: RequestSession): { ceph: CephDashboard | null; missing: string } {
  try {
    return { ceph: createCephDashboard(services.http, services.deps.ceph.url ?? session.url("ceph"), cephAccount(services.deps), services.deps.breaker?.coolDownMs), missing: "" };
  } catch (e) {
    return { ceph: null, missing: e instanceof Error ? e.message : String(e) };
  }
}

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
