import type { Cinder, CinderVolume } from "../../openstack/cinder";
import type { Glance } from "../../openstack/glance";
import type { Nova } from "../../openstack/nova";
import { toInstanceDetail } from "./map-server";
import type { InstanceDetail } from "./schema";

/** One instance with its fault, volumes (from Nova's attachments and Cinder) and what it allows now. */
export async function instanceDetail(io: { nova: Nova; glance: Glance; cinder: Cinder }, id: string): Promise<InstanceDetail> {
  const server = await io.nova.server(id);
  const imageId = server.image && typeof server.image === "object" ? server.image.id : null;
  const [attachments, imageName] = await Promise.all([
    io.nova.volumeAttachments(id),
    // An image the project cannot see (deleted, or another project's) just has no name.
    imageId ? io.glance.image(imageId).then((i) => i.name, () => null) : Promise.resolve(null),
  ]);
  const ids = [...new Set([...attachments.map((a) => a.volumeId), ...(server["os-extended-volumes:volumes_attached"] ?? []).map((v) => v.id)])];
  const volumes = new Map<string, CinderVolume | null>(
    await Promise.all(ids.map(async (vid) => [vid, await io.cinder.volume(vid).catch(() => null)] as const)),
  );
  return toInstanceDetail(server, new Map(imageId ? [[imageId, imageName]] : []), attachments, volumes);
}
