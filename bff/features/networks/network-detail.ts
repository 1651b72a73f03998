import type { Neutron } from "../../openstack/neutron";
import { toNetworkSummary } from "./map-network";
import { toPortSummary } from "./map-port";
import type { NetworkDetail } from "./schema";

/** One network with its subnets and ports (Neutron hides other projects' ports from a member). */
export async function networkDetail(neutron: Neutron, projectId: string, id: string): Promise<NetworkDetail> {
  const network = await neutron.network(id);
  const [subnets, ports] = await Promise.all([neutron.subnets(), neutron.ports({ network_id: id })]);
  const mine = subnets.items.filter((s) => s.network_id === id);
  return {
    network: toNetworkSummary(network, new Map(mine.map((s) => [s.id, s])), projectId),
    subnets: mine.map((s) => ({
      id: s.id,
      name: s.name,
      cidr: s.cidr,
      gateway: s.gateway_ip,
      dhcp: s.enable_dhcp ?? false,
      allocationPools: (s as { allocation_pools?: { start: string; end: string }[] }).allocation_pools ?? [],
    })),
    ports: ports.map(toPortSummary).sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name)),
  };
}
