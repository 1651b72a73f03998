import type { Cinder, CinderVolume } from "../../openstack/cinder";
import type { Glance } from "../../openstack/glance";
import type { Nova } from "../../openstack/nova";
import { toInstanceDetail } from "./map-server";
import type { InstanceDetail } from "./schema";
import { merged, nullOn404, optional } from "../listing/optional";

/**
 * One instance with its fault, volumes (from Nova's attachments and Cinder) and what it allows now. Glance and Cinder
 * only name and describe: when one fails, the instance still answers, those fields are null and `unavailable` says
 * which service failed.
 */
export async function instanceDetail(io: { nova: Nova; glance: Glance; cinder: Cinder }, id: string): Promise<InstanceDetail> {
  const server = await io.nova.server(id);
  const imageId = server.image && typeof server.image === "object" ? server.image.id : null;
  const [attachments, image] = await Promise.all([
    io.nova.volumeAttachments(id),
    // An image the project cannot see (deleted, or another project's) just has no name.
    optional("image", imageId ? nullOn404(io.glance.image(imageId)).then((i) => i?.name ?? null) : Promise.resolve(null), null),
  ]);
  const ids = [
    ...new Set([...attachments.map((a) => a.volumeId), ...(server["os-extended-volumes:volumes_attached"] ?? []).map((v) => v.id)]),
  ];
  const found = await Promise.all(ids.map(async (vid) => [vid, await optional("volume", nullOn404(io.cinder.volume(vid)), null)] as const));
  const volumes = new Map<string, CinderVolume | null>(found.map(([vid, v]) => [vid, v.value]));
  const detail = toInstanceDetail(server, new Map(imageId ? [[imageId, image.value]] : []), attachments, volumes);
  return { ...detail, unavailable: merged(image.unavailable, ...found.map(([, v]) => v.unavailable)) };
}
