import type { Glance } from "../../openstack/glance";
import type { Nova } from "../../openstack/nova";
import { pageLocally, SCAN_LIMIT, upstreamCanServe, type ListPage } from "../listing/page-list";
import { toInstanceSummary } from "./map-server";
import type { InstanceListParams, InstanceSummary } from "./schema";
import { optional, type Unavailable } from "../listing/optional";

/** Image id → name for every image the project can see, so rows name their image. */
export async function imageNames(glance: Glance): Promise<Map<string, string | null>> {
  return new Map((await glance.images()).items.map((i) => [i.id, i.name]));
}

/**
 * A page of instances. Nova pages by itself in its own order (created, newest first); a search or another
 * order walks the project's servers (bounded) and pages here. A status filter is always Nova's.
 */
export async function listInstances(
  io: { nova: Nova; glance: Glance },
  p: InstanceListParams,
): Promise<ListPage<InstanceSummary> & { unavailable: Unavailable[] }> {
  const query: Record<string, string> = p.status ? { status: p.status } : {};
  // Glance only names the images: when it fails, the instances still answer with image names null.
  const namesP = optional("image", imageNames(io.glance), new Map<string, string | null>());
  if (upstreamCanServe(p, ["created:desc"])) {
    const [page, names] = await Promise.all([io.nova.serversPage({ limit: p.limit, marker: p.marker, query }), namesP]);
    return {
      items: page.items.map((s) => toInstanceSummary(s, names.value)),
      nextMarker: page.nextMarker,
      mode: "upstream",
      truncated: false,
      unavailable: names.unavailable,
    };
  }
  const [walk, names] = await Promise.all([io.nova.servers(query, { maxItems: SCAN_LIMIT }), namesP]);
  const rows = walk.items.map((s) => toInstanceSummary(s, names.value));
  const page = pageLocally(
    rows,
    p,
    {
      text: (r) => [r.name, r.id, r.image?.name, ...r.addresses.map((a) => a.addr)],
      sortBy: { created: (r) => r.created, name: (r) => r.name, status: (r) => r.status },
    },
    !walk.complete,
  );
  return { ...page, unavailable: names.unavailable };
}
