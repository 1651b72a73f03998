import type { Cinder } from "../../openstack/cinder";
import type { Nova } from "../../openstack/nova";
import { pageLocally, SCAN_LIMIT, upstreamCanServe, type ListPage } from "../listing/page-list";
import { toVolumeSummary } from "./map-volume";
import type { VolumeListParams, VolumeSummary } from "./schema";
import { optional, type Unavailable } from "../listing/optional";

export type VolumePage = ListPage<VolumeSummary> & { unavailable: Unavailable[] };

/**
 * A page of volumes, with the names of the servers they are attached to. Cinder pages in created-desc order.
 * Nova only names the servers: when it fails, the volumes still answer, their server names are null and
 * `unavailable` says which service failed and how.
 */
export async function listVolumes(io: { cinder: Cinder; nova: Nova }, p: VolumeListParams): Promise<VolumePage> {
  const query: Record<string, string> = p.status ? { status: p.status } : {};
  const namesP = optional("compute", io.nova.serverNames(), new Map<string, string>());
  if (upstreamCanServe(p, ["created:desc"])) {
    const [page, names] = await Promise.all([io.cinder.volumesPage({ limit: p.limit, marker: p.marker, query }), namesP]);
    return {
      items: page.items.map((v) => toVolumeSummary(v, names.value)),
      nextMarker: page.nextMarker,
      mode: "upstream",
      truncated: false,
      unavailable: names.unavailable,
    };
  }
  const [walk, names] = await Promise.all([io.cinder.volumes(query, { maxItems: SCAN_LIMIT, limit: 500 }), namesP]);
  const page = pageLocally(
    walk.items.map((v) => toVolumeSummary(v, names.value)),
    p,
    {
      text: (r) => [r.name, r.id, r.sourceImage?.name, ...r.attachments.map((a) => a.serverName)],
      sortBy: { created: (r) => r.created, name: (r) => r.name, size: (r) => r.sizeGiB, status: (r) => r.status },
    },
    !walk.complete,
  );
  return { ...page, unavailable: names.unavailable };
}
