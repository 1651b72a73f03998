import type { Neutron } from "../../openstack/neutron";
import { pageLocally, SCAN_LIMIT, upstreamCanServe, type ListPage } from "../listing/page-list";
import { toNetworkSummary } from "./map-network";
import type { NetworkListParams, NetworkSummary } from "./schema";

/** A page of networks with their subnets. Neutron sorts and pages natively; a text search walks the list. */
export async function listNetworks(neutron: Neutron, projectId: string, p: NetworkListParams): Promise<ListPage<NetworkSummary>> {
  const subnetsP = neutron.subnets().then((l) => new Map(l.items.map((s) => [s.id, s])));
  if (upstreamCanServe(p, ["name:asc", "name:desc", "status:asc", "status:desc"])) {
    const [page, subnets] = await Promise.all([
      neutron.networksPage({ limit: p.limit, marker: p.marker, query: { sort_key: p.sort, sort_dir: p.dir } }),
      subnetsP,
    ]);
    return {
      items: page.items.map((n) => toNetworkSummary(n, subnets, projectId)),
      nextMarker: page.nextMarker,
      mode: "upstream",
      truncated: false,
    };
  }
  const [walk, subnets] = await Promise.all([neutron.networks({ maxItems: SCAN_LIMIT }), subnetsP]);
  const rows = walk.items.map((n) => toNetworkSummary(n, subnets, projectId));
  return pageLocally(
    rows,
    p,
    {
      text: (r) => [r.name, r.id, ...r.subnets.flatMap((s) => [s.cidr, s.name])],
      sortBy: { name: (r) => r.name, status: (r) => r.status },
    },
    !walk.complete,
  );
}
