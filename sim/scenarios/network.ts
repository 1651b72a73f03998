import type { SimState } from "../core/state";
import { stableId } from "../services/keystone/model";
import { neutron, type Agent, type Network, type Port, type Subnet } from "../services/neutron/model";
import { createNetwork } from "../services/neutron/networks";
import { createSubnet } from "../services/neutron/subnets";
import { addNetworkToAgent, dhcpDeviceId } from "../services/neutron/dhcp";
import { ensureDefaultSecurityGroup } from "../services/neutron/security-groups";
import { defaultPools, intToIp, ipToInt, parseCidr } from "../services/neutron/ipam";
import { projectId } from "./identity";

/** A deterministic UUID, so a reset scenario keeps its ids. */
export const stableUuid = (kind: string, name: string): string => {
  const h = stableId(kind, name);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

const DAY = 86_400_000;
export const computeHost = (n: number) => `cs1-opc-${n}`;

/** DHCP agent ids of cs1-opc-1…18 as the operators' `neutron agent-list` shows them. */
const NOTES_DHCP_AGENT_IDS: Record<number, string> = {
  1: "afcb7026-567a-4fb4-a5eb-b8e20d4d2c93",
  2: "2f397530-f141-4ecd-a083-e0e761700bfe",
  3: "34654b51-dd3c-46f7-ba24-51a44d9762e9",
  4: "51489a5c-c440-4a4c-979f-4694cf4f4b90",
  5: "353db729-3466-4087-bd6b-908c293404c3",
  6: "b5f3296b-c682-4047-a9aa-d512e0717053",
  7: "95db5ef9-8248-490b-8a41-c4be003f7307",
  8: "996dcd07-2984-46c2-937c-cc3e6a3e7de8",
  9: "dc83abde-949f-41e7-9021-0ff4478f827f",
  10: "8d1aacd1-5981-47ee-9242-37639a0792ba",
  11: "69f22986-bfeb-4c79-ac45-6ad0c3ef9d53",
  12: "79ae4821-65f0-4f36-8684-f9572ce1ace4",
  13: "ca942631-a0d7-43a2-ae1f-559352851999",
  14: "05ce16cf-baff-4dab-b266-44dfe831a090",
  15: "3fc8a01f-4fe2-408a-ba53-1d607632a8e9",
  16: "664dc784-fdfe-4dad-90e1-c675710dec0c",
  17: "0b644014-891e-4c39-8ca0-c1de3a642624",
  18: "8db76277-6611-42df-a96e-a348415df370",
};

export function dhcpAgentDoc(id: string, host: string, since: number): Agent {
  return {
    id,
    agent_type: "DHCP agent",
    binary: "neutron-dhcp-agent",
    topic: "dhcp_agent",
    host,
    availability_zone: "nova",
    admin_state_up: true,
    description: null,
    resources_synced: null,
    created_at: since,
    started_at: since,
    killed_at: null,
    configurations: { dhcp_driver: "neutron.agent.linux.dhcp.Dnsmasq", dhcp_lease_duration: 86400, log_agent_heartbeats: false },
  };
}

export function linuxBridgeAgentDoc(id: string, host: string, since: number): Agent {
  return {
    id,
    agent_type: "Linux bridge agent",
    binary: "neutron-linuxbridge-agent",
    topic: "N/A",
    host,
    availability_zone: null,
    admin_state_up: true,
    description: null,
    resources_synced: null,
    created_at: since,
    started_at: since,
    killed_at: null,
    configurations: {
      bridge_mappings: {},
      interface_mappings: { physnet1: "bond1" },
      extensions: [],
      devices: 0,
      l2_population: false,
      tunnel_types: ["vxlan"],
      tunneling_ip: null,
      log_agent_heartbeats: false,
    },
  };
}

/** The cs1 provider networks of the operators' notes, each hosted by one DHCP agent only. */
const CS1_NETWORKS = [
  {
    name: "cs1-yw-1",
    id: "226b260c-a4bd-468a-879e-cd0a4d780869",
    subnetId: "561f60f1-f76f-4d8b-ac89-bda2f0078d49",
    cidr: "21.49.16.0/24",
    vlan: 1016,
    host: 11,
  },
  {
    name: "cs1-yw-2",
    id: "bf85cee8-7814-4bd2-8b5d-c423734c177d",
    subnetId: "32921f9b-afab-4479-b68b-02d1691e9938",
    cidr: "21.49.17.0/24",
    vlan: 1017,
    host: 13,
  },
  {
    name: "cs1-yw-3",
    id: "18dadce9-f262-4b89-ac33-6854c28e7b24",
    subnetId: "59ac56f5-8375-4a21-9869-5e73b9ba17eb",
    cidr: "21.49.18.0/24",
    vlan: 1018,
    host: 12,
  },
  {
    name: "cs1-fzjh-24",
    id: "487f7b67-4e42-4fe4-9a20-e17aba8a5005",
    subnetId: "ae5f60e0-f13a-4840-bdd8-37fdbb0ef16a",
    cidr: "21.49.24.0/24",
    vlan: 1024,
    host: 14,
  },
];

/**
 * Default scenario: 18 compute hosts cs1-opc-1…18, each with a DHCP and a Linux bridge agent; the cs1
 * networks on 21.49.x.0/24, each hosted by one agent; demo's tenant network demo-net (10.0.0.0/24); a
 * shared provider network; the default security group of each project.
 */
export function seedNetworkDefault(state: SimState): void {
  const nx = neutron(state);
  const now = state.clock.now();
  const since = now - 30 * DAY;
  for (let n = 1; n <= 18; n++) {
    nx.agents.put(dhcpAgentDoc(NOTES_DHCP_AGENT_IDS[n], computeHost(n), since + n * 1000));
    nx.agents.put(linuxBridgeAgentDoc(stableUuid("lb-agent", computeHost(n)), computeHost(n), since + n * 1000));
  }
  const admin = projectId("admin"),
    demo = projectId("demo");
  for (const net of CS1_NETWORKS) {
    createNetwork(state, {
      id: net.id,
      name: net.name,
      project_id: admin,
      "provider:network_type": "vlan",
      "provider:physical_network": "physnet1",
      "provider:segmentation_id": net.vlan,
      created_at: since,
      updated_at: since,
    });
    // Bound before its subnet exists, so the scheduler (dhcp_agents_per_network = 1) adds no second agent.
    addNetworkToAgent(state, NOTES_DHCP_AGENT_IDS[net.host], net.id);
    createSubnet(state, {
      id: net.subnetId,
      network_id: net.id,
      cidr: net.cidr,
      name: `${net.name}-subnet`,
      created_at: since,
      updated_at: since,
    });
  }
  const provider = createNetwork(state, {
    id: stableUuid("network", "provider"),
    name: "provider",
    project_id: admin,
    shared: true,
    "provider:network_type": "flat",
    "provider:physical_network": "physnet1",
    "provider:segmentation_id": null,
    description: "Shared provider network",
  });
  createSubnet(state, {
    id: stableUuid("subnet", "provider"),
    network_id: provider.id,
    cidr: "172.24.4.0/24",
    name: "provider-subnet",
    dns_nameservers: ["8.8.8.8"],
  });
  const demoNet = createNetwork(state, {
    id: stableUuid("network", "demo-net"),
    name: "demo-net",
    project_id: demo,
    "provider:segmentation_id": 1001,
  });
  createSubnet(state, { id: stableUuid("subnet", "demo-subnet"), network_id: demoNet.id, cidr: "10.0.0.0/24", name: "demo-subnet" });
  for (const p of [admin, demo]) ensureDefaultSecurityGroup(state, p);
}

/**
 * Scale scenario: 100 DHCP agents (+ Linux bridge agents) on scale-cmp-001…100 and 2,000 networks with
 * one /24 each. Network i is hosted by agent i mod 100; every third also by the next agent; every
 * 50th by none. Two agents were killed an hour ago. Written as plain records in the scenario's one
 * transaction (the scheduler would be quadratic here).
 */
export function seedNetworkScale(state: SimState): void {
  const nx = neutron(state);
  const now = state.clock.now();
  const since = now - 30 * DAY;
  const admin = projectId("admin");
  const agents: Agent[] = [];
  for (let i = 0; i < 100; i++) {
    const host = `scale-cmp-${String(i + 1).padStart(3, "0")}`;
    const a = dhcpAgentDoc(stableUuid("dhcp-agent", host), host, since);
    if (i === 7 || i === 42) a.killed_at = now - 3_600_000;
    agents.push(nx.agents.put(a));
    nx.agents.put(linuxBridgeAgentDoc(stableUuid("lb-agent", host), host, since));
  }
  for (let i = 0; i < 2000; i++) {
    const name = `scale-net-${String(i + 1).padStart(4, "0")}`;
    const netId = stableUuid("network", name),
      subnetId = stableUuid("subnet", name);
    const cidr = `10.${100 + Math.floor(i / 256)}.${i % 256}.0/24`;
    const c = parseCidr(cidr)!;
    const gateway = intToIp(c.network + 1);
    const subnet: Subnet = {
      id: subnetId,
      name: `${name}-subnet`,
      network_id: netId,
      project_id: admin,
      description: "",
      cidr,
      ip_version: 4,
      gateway_ip: gateway,
      enable_dhcp: true,
      allocation_pools: defaultPools(c, gateway),
      dns_nameservers: [],
      host_routes: [],
      ipv6_ra_mode: null,
      ipv6_address_mode: null,
      subnetpool_id: null,
      segment_id: null,
      service_types: [],
      dns_publish_fixed_ip: false,
      tags: [],
      created_at: since,
      updated_at: since,
      revision_number: 0,
    };
    const net: Network = {
      id: netId,
      name,
      project_id: admin,
      description: "",
      admin_state_up: true,
      status: "ACTIVE",
      shared: false,
      "router:external": false,
      mtu: 1450,
      port_security_enabled: true,
      is_default: false,
      availability_zone_hints: [],
      dns_domain: "",
      tags: [],
      "provider:network_type": "vxlan",
      "provider:physical_network": null,
      "provider:segmentation_id": 5000 + i,
      subnets: [subnetId],
      created_at: since,
      updated_at: since,
      revision_number: 2,
    };
    nx.networks.put(net);
    nx.subnets.put(subnet);
    const hosts = i % 50 === 49 ? [] : i % 3 === 0 ? [agents[i % 100], agents[(i + 1) % 100]] : [agents[i % 100]];
    hosts.forEach((a, k) => {
      nx.bindings.put({ id: `${a.id}:${netId}`, dhcp_agent_id: a.id, network_id: netId, binding_index: k + 1 });
      const port: Port = {
        id: stableUuid("port", `${a.host}:${name}`),
        name: "",
        network_id: netId,
        project_id: admin,
        description: "",
        mac_address: `fa:16:3e:${(i >> 8).toString(16).padStart(2, "0")}:${(i & 255).toString(16).padStart(2, "0")}:${k.toString(16).padStart(2, "0")}`,
        admin_state_up: true,
        status: "ACTIVE",
        device_id: dhcpDeviceId(netId, a.host),
        device_owner: "network:dhcp",
        fixed_ips: [{ subnet_id: subnetId, ip_address: intToIp(ipToInt(gateway) + 1 + k) }],
        security_groups: [],
        port_security_enabled: false,
        allowed_address_pairs: [],
        "binding:host_id": a.host,
        "binding:vnic_type": "normal",
        "binding:vif_type": "bridge",
        "binding:profile": {},
        "binding:vif_details": { connectivity: "l2", port_filter: true },
        dns_name: "",
        tags: [],
        created_at: since,
        updated_at: since,
        revision_number: 1,
      };
      nx.ports.put(port);
    });
  }
  for (const p of [admin, projectId("demo")]) ensureDefaultSecurityGroup(state, p);
}
