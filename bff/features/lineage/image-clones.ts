import type { CephDashboard } from "../../ceph/dashboard";
import { GLANCE_POOL } from "../../ceph/glance-store";
import { directClones, specOf } from "./build-lineage";
import { rbdFacts, withCeph } from "./gather";

/**
 * The clones that read from one Glance image's RBD image (images/<id>), by lineage's rule (blockedBy): every child
 * of its snapshots, as Ceph lists them. One dashboard read of that image without usage, never the image list.
 * Null when Ceph is not configured or the image is not in this cluster's images pool (nothing to say).
 */
export async function imageClones(ceph: CephDashboard | null, imageId: string): Promise<string[] | null> {
  if (!ceph) return null;
  const img = await withCeph(() => ceph.image(GLANCE_POOL, imageId));
  if (!img) return null;
  const facts = rbdFacts({ ...img, pool_name: img.pool_name ?? GLANCE_POOL });
  return directClones(facts.snapshots.map((s) => ({ children: s.children.map((c) => specOf(c.pool, c.name)) })));
}
