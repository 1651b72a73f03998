import type { Cinder } from "../../openstack/cinder";
import type { Nova } from "../../openstack/nova";
import { pageLocally, SCAN_LIMIT, upstreamCanServe, type ListPage } from "../listing/page-list";
import { toVolumeSummary } from "./map-volume";
import type { VolumeListParams, VolumeSummary } from "./schema";

/** A page of volumes, with the names of the servers they are attached to. Cinder pages in created-desc order. */
export async function listVolumes(io: { cinder: Cinder; nova: Nova }, p: VolumeListParams): Promise<ListPage<VolumeSummary>> {
  const query: Record<string, string> = p.status ? { status: p.status } : {};
  // Names only: a missing compute service must not hide the volumes.
  const namesP = io.nova.serverNames().catch(() => new Map<string, string>());
  if (upstreamCanServe(p, ["created:desc"])) {
    const [page, names] = await Promise.all([io.cinder.volumesPage({ limit: p.limit, marker: p.marker, query }), namesP]);
    return { items: page.items.map((v) => toVolumeSummary(v, names)), nextMarker: page.nextMarker, mode: "upstream", truncated: false };
  }
  const [walk, names] = await Promise.all([io.cinder.volumes(query, { maxItems: SCAN_LIMIT, limit: 500 }), namesP]);
  return pageLocally(walk.items.map((v) => toVolumeSummary(v, names)), p, {
    text: (r) => [r.name, r.id, r.sourceImage?.name, ...r.attachments.map((a) => a.serverName)],
    sortBy: { created: (r) => r.created, name: (r) => r.name, size: (r) => r.sizeGiB, status: (r) => r.status },
  }, !walk.complete);
}
