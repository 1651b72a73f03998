import type { NeutronNetwork, NeutronSubnet } from "../../openstack/neutron";
import type { NetworkSummary } from "./schema";

export function toNetworkSummary(n: NeutronNetwork, subnets: ReadonlyMap<string, NeutronSubnet>, projectId: string): NetworkSummary {
  return {
    id: n.id,
    name: n.name,
    status: n.status,
    adminStateUp: n.admin_state_up,
    shared: n.shared,
    external: n["router:external"] === true,
    own: n.project_id === projectId,
    subnets: n.subnets.flatMap((sid) => {
      const s = subnets.get(sid);
      // A subnet the project cannot read still counts; it just has no CIDR to show.
      return s
        ? [{ id: s.id, name: s.name, cidr: s.cidr, ipVersion: s.ip_version, gateway: s.gateway_ip, dhcp: s.enable_dhcp ?? null }]
        : [{ id: sid, name: "", cidr: "", ipVersion: 0, gateway: null, dhcp: null }];
    }),
  };
}
