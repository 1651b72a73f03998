import type { CephDashboard } from "../../ceph/dashboard";
import { glanceStoreStatus } from "../../ceph/glance-store";
import type { Glance, GlanceImage } from "../../openstack/glance";
import { imageClones } from "../lineage/image-clones";
import { withCloneVerdicts } from "./clone-verdict";
import { importCapability } from "./import-capability";
import { toImageSummary } from "./map-image";
import type { ImageDetail } from "./schema";

/** Keys Glance serves as attributes or keeps for itself: not the user's custom properties. */
const NOT_PROPERTIES = new Set([
  "id",
  "name",
  "status",
  "disk_format",
  "container_format",
  "visibility",
  "size",
  "virtual_size",
  "checksum",
  "os_hash_algo",
  "os_hash_value",
  "protected",
  "min_ram",
  "min_disk",
  "owner",
  "os_hidden",
  "tags",
  "created_at",
  "updated_at",
  "self",
  "file",
  "schema",
  "direct_url",
  "locations",
  "stores",
]);

export const customProperties = (i: GlanceImage): Record<string, string> =>
  Object.fromEntries(
    Object.entries(i).filter(([k, v]) => !NOT_PROPERTIES.has(k) && !k.startsWith("os_glance") && typeof v === "string") as [
      string,
      string,
    ][],
  );

/**
 * One image as its page shows it: the list row's facts (the boot plan's clone verdict included), its custom
 * properties, the import's state, how many clones read from it (lineage's rule) and what this Glance can import.
 */
export async function imageDetail(
  glance: Glance,
  ceph: CephDashboard | null,
  id: string,
  projectId: string,
  conversion: string | undefined,
): Promise<ImageDetail> {
  const img = await glance.image(id);
  const [[row], methods, tasks, clones] = await Promise.all([
    withCloneVerdicts([toImageSummary(img)], ceph ? (x) => glanceStoreStatus(ceph, x) : null),
    glance.importMethods().catch(() => [] as string[]),
    glance.tasks(id).catch(() => []),
    img.status === "active" ? imageClones(ceph, id).catch(() => null) : Promise.resolve([] as string[]),
  ]);
  const newest = [...tasks].sort((a, b) => b.created_at.localeCompare(a.created_at))[0];
  return {
    ...row,
    owner: img.owner ?? null,
    ownedByProject: img.owner === projectId,
    updated: img.updated_at,
    checksum: typeof img.checksum === "string" ? img.checksum : null,
    properties: customProperties(img),
    importStatus: {
      importing: typeof img.os_glance_importing_to_stores === "string" && img.os_glance_importing_to_stores !== "",
      failedStores: typeof img.os_glance_failed_import === "string" && img.os_glance_failed_import ? img.os_glance_failed_import : null,
      lastTask: newest ? { status: newest.status, message: newest.message } : null,
    },
    clones: { count: clones ? clones.length : null },
    import: importCapability(methods, conversion),
  };
}
