import type { CephDashboard } from "../../ceph/dashboard";
import { ApiError } from "../../errors";
import type { Glance } from "../../openstack/glance";
import { imageClones } from "../lineage/image-clones";

/**
 * Deletes an image unless clones read from it (lineage's rule: Glance would answer 409 "in use" after trying the
 * store). Refused up front with `image_in_use` and the count; a protected image is refused by Glance itself (403).
 * Never retried.
 */
export async function deleteImage(glance: Glance, ceph: CephDashboard | null, id: string): Promise<void> {
  const img = await glance.image(id);
  if (img.protected === true)
    throw new ApiError(409, "image_protected", `Image ${id} is protected: turn protection off before deleting it.`, { details: { id } });
  const clones = await imageClones(ceph, id).catch(() => null);
  if (clones && clones.length > 0)
    throw new ApiError(409, "image_in_use", `Can't delete image ${id}: ${clones.length} clone(s) read from it.`, {
      details: { clones: clones.length, examples: clones.slice(0, 5) },
    });
  await glance.remove(id);
}
