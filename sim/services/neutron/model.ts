import type { SimState } from "../../core/state";

/** Neutron's stored resources. Timestamps are epoch ms; views format them. */
export interface Network {
  id: string;
  name: string;
  project_id: string;
  description: string;
  admin_state_up: boolean;
  status: string;
  shared: boolean;
  "router:external": boolean;
  mtu: number;
  port_security_enabled: boolean;
  is_default: boolean;
  availability_zone_hints: string[];
  dns_domain: string;
  tags: string[];
  "provider:network_type": string;
  "provider:physical_network": string | null;
  "provider:segmentation_id": number | null;
  /** Subnet ids, in creation order (kept here so a list of 2k networks needs no join). */
  subnets: string[];
  created_at: number;
  updated_at: number;
  revision_number: number;
}

export interface AllocationPool {
  start: string;
  end: string;
}
export interface Subnet {
  id: string;
  name: string;
  network_id: string;
  project_id: string;
  description: string;
  cidr: string;
  ip_version: 4 | 6;
  gateway_ip: string | null;
  enable_dhcp: boolean;
  allocation_pools: AllocationPool[];
  dns_nameservers: string[];
  host_routes: { destination: string; nexthop: string }[];
  ipv6_ra_mode: string | null;
  ipv6_address_mode: string | null;
  subnetpool_id: string | null;
  segment_id: string | null;
  service_types: string[];
  dns_publish_fixed_ip: boolean;
  tags: string[];
  created_at: number;
  updated_at: number;
  revision_number: number;
}

export interface FixedIp {
  subnet_id: string;
  ip_address: string;
}
export interface Port {
  id: string;
  name: string;
  network_id: string;
  project_id: string;
  description: string;
  mac_address: string;
  admin_state_up: boolean;
  status: string;
  device_id: string;
  device_owner: string;
  fixed_ips: FixedIp[];
  security_groups: string[];
  port_security_enabled: boolean;
  allowed_address_pairs: { ip_address: string; mac_address: string }[];
  "binding:host_id": string;
  "binding:vnic_type": string;
  "binding:vif_type": string;
  "binding:profile": Record<string, unknown>;
  "binding:vif_details": Record<string, unknown>;
  dns_name: string;
  tags: string[];
  created_at: number;
  updated_at: number;
  revision_number: number;
}

export interface SecurityGroupRule {
  id: string;
  security_group_id: string;
  project_id: string;
  description: string;
  direction: "ingress" | "egress";
  ethertype: "IPv4" | "IPv6";
  protocol: string | null;
  port_range_min: number | null;
  port_range_max: number | null;
  remote_ip_prefix: string | null;
  remote_group_id: string | null;
  created_at: number;
  updated_at: number;
  revision_number: number;
}
export interface SecurityGroup {
  id: string;
  name: string;
  project_id: string;
  description: string;
  stateful: boolean;
  tags: string[];
  created_at: number;
  updated_at: number;
  revision_number: number;
}

export interface Agent {
  id: string;
  agent_type: string;
  binary: string;
  topic: string;
  host: string;
  availability_zone: string | null;
  admin_state_up: boolean;
  description: string | null;
  /** The agent-reported part of `configurations` (counts are derived for DHCP agents). */
  configurations: Record<string, unknown>;
  resources_synced: boolean | null;
  created_at: number;
  started_at: number;
  /** When the agent was killed (its heartbeat froze then); null while it runs. */
  killed_at: number | null;
}

/** A DHCP agent hosting a network (networkdhcpagentbindings). id = `${agentId}:${networkId}`. */
export interface DhcpBinding {
  id: string;
  dhcp_agent_id: string;
  network_id: string;
  binding_index: number;
}

export function neutron(state: SimState) {
  const s = state.store;
  return {
    networks: s.collection<Network>("neutron.network"),
    subnets: s.collection<Subnet>("neutron.subnet"),
    ports: s.collection<Port>("neutron.port"),
    securityGroups: s.collection<SecurityGroup>("neutron.sg"),
    securityGroupRules: s.collection<SecurityGroupRule>("neutron.sgrule"),
    agents: s.collection<Agent>("neutron.agent"),
    bindings: s.collection<DhcpBinding>("neutron.dhcpbinding"),
  };
}

/** neutron.conf knobs the sim honours. */
export const NEUTRON_CONF = {
  /** [DEFAULT] agent_down_time, cloud seconds. */
  agentDownTime: 75,
  /** [DEFAULT] dhcp_agents_per_network: read only when scheduling runs. */
  dhcpAgentsPerNetwork: 1,
  /** Physical MTU of the seeded VLAN/flat networks. */
  mtu: 1500,
};
