import type { NeutronNetwork, NeutronSubnet } from "../../openstack/neutron";
import type { NeutronPort, NeutronRouter } from "../../openstack/neutron-resources";
import type { Topology } from "./schema";

type Node = Omit<Topology["nodes"][number], "x" | "y">;
type Edge = Omit<Topology["edges"][number], "points">;

export interface TopologyInput {
  networks: NeutronNetwork[];
  subnets: NeutronSubnet[];
  routers: NeutronRouter[];
  ports: NeutronPort[];
  servers: { id: string; name: string; status: string }[];
}

/**
 * The project's network graph: external and own networks, routers (gateway and interface links) and instances (one
 * link per port). A shared network appears only when something of the project connects to it, so the graph is the
 * project's own and not every network of the cloud.
 */
export function buildTopology(input: TopologyInput, projectId: string): { nodes: Node[]; edges: Edge[] } {
  const cidrs = new Map<string, string[]>();
  for (const s of input.subnets) cidrs.set(s.network_id, [...(cidrs.get(s.network_id) ?? []), s.cidr]);
  const servers = new Map(input.servers.map((s) => [s.id, s]));
  const edges: Edge[] = [];
  const used = new Set<string>();

  for (const r of input.routers) {
    const gw = r.external_gateway_info;
    if (gw) {
      edges.push({
        from: r.id,
        to: gw.network_id,
        kind: "gateway",
        label: (gw.external_fixed_ips ?? []).map((f) => f.ip_address).join(", "),
      });
      used.add(gw.network_id);
    }
  }
  for (const p of input.ports) {
    const ip = p.fixed_ips.map((f) => f.ip_address).join(", ");
    if (p.device_owner === "network:router_interface" && input.routers.some((r) => r.id === p.device_id)) {
      edges.push({ from: p.device_id, to: p.network_id, kind: "interface", label: ip });
      used.add(p.network_id);
    } else if (p.device_owner.startsWith("compute:") && servers.has(p.device_id)) {
      edges.push({ from: p.device_id, to: p.network_id, kind: "port", label: ip });
      used.add(p.network_id);
    }
  }
  const nodes: Node[] = [];
  for (const n of input.networks) {
    const external = n["router:external"] === true;
    if (!used.has(n.id) && (external || n.project_id !== projectId)) continue;
    nodes.push({ id: n.id, kind: external ? "external" : "network", name: n.name, detail: (cidrs.get(n.id) ?? []).join(", ") });
  }
  const known = new Set(nodes.map((n) => n.id));
  for (const r of input.routers)
    nodes.push({
      id: r.id,
      kind: "router",
      name: r.name,
      detail: (r.external_gateway_info?.external_fixed_ips ?? []).map((f) => f.ip_address).join(", "),
    });
  const linked = new Set(edges.filter((e) => e.kind === "port").map((e) => e.from));
  for (const s of input.servers) if (linked.has(s.id)) nodes.push({ id: s.id, kind: "instance", name: s.name, detail: s.status });
  return { nodes, edges: edges.filter((e) => known.has(e.to)) };
}
