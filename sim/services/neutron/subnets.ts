import type { Hono } from "hono";
import type { SimState } from "../../core/state";
import type { AuthContext, SimEnv } from "../keystone/token-auth";
import { uuid } from "../../core/ids";
import { errors, neutronJson, neutronNoContent } from "./errors";
import { authOf, owningProject, queryOf, readBody } from "./http";
import { neutron, type Subnet } from "./model";
import { canonicalCidr, defaultGateway, defaultPools, inCidr, parseCidr } from "./ipam";
import { listBody, neutronTime, pickFields } from "./view";
import { canSeeNetwork } from "./network-view";
import { scheduleNetwork, syncDhcpPorts } from "./dhcp";

export function renderSubnet(s: Subnet, external: boolean): Record<string, unknown> {
  return {
    id: s.id,
    name: s.name,
    tenant_id: s.project_id,
    network_id: s.network_id,
    ip_version: s.ip_version,
    subnetpool_id: s.subnetpool_id,
    enable_dhcp: s.enable_dhcp,
    ipv6_ra_mode: s.ipv6_ra_mode,
    ipv6_address_mode: s.ipv6_address_mode,
    gateway_ip: s.gateway_ip,
    cidr: s.cidr,
    allocation_pools: s.allocation_pools.map((p) => ({ ...p })),
    host_routes: s.host_routes.map((r) => ({ ...r })),
    dns_nameservers: [...s.dns_nameservers],
    description: s.description,
    service_types: [...s.service_types],
    dns_publish_fixed_ip: s.dns_publish_fixed_ip,
    tags: [...s.tags],
    created_at: neutronTime(s.created_at),
    updated_at: neutronTime(s.updated_at),
    revision_number: s.revision_number,
    segment_id: s.segment_id,
    project_id: s.project_id,
    "router:external": external,
  };
}

export const SUBNET_FILTERS = [
  "id",
  "name",
  "tenant_id",
  "project_id",
  "network_id",
  "ip_version",
  "subnetpool_id",
  "enable_dhcp",
  "ipv6_ra_mode",
  "ipv6_address_mode",
  "gateway_ip",
  "cidr",
  "description",
  "segment_id",
  "revision_number",
  "dns_publish_fixed_ip",
  "router:external",
] as const;

export type SubnetInput = Partial<Subnet> & Pick<Subnet, "network_id" | "cidr"> & { project_id?: string };

/**
 * Creates a subnet with Neutron's defaults (gateway = first host, one pool of the rest) and, when DHCP
 * is enabled, runs the DHCP scheduler for the network (subnet_create_end is a scheduling trigger).
 */
export function createSubnet(state: SimState, input: SubnetInput): Subnet {
  const nx = neutron(state);
  const net = nx.networks.get(input.network_id);
  if (!net) throw errors.networkNotFound(input.network_id);
  const cidr = parseCidr(input.cidr);
  if (!cidr) throw errors.invalidInput(`'${input.cidr}' is not a valid IP subnet`);
  const canonical = canonicalCidr(cidr);
  const others = net.subnets.map((id) => nx.subnets.get(id)).filter((s): s is Subnet => !!s);
  const clash = others.find((s) => {
    const o = parseCidr(s.cidr);
    return o && (inCidr(s.cidr.split("/")[0], cidr) || inCidr(canonical.split("/")[0], o));
  });
  if (clash) throw errors.invalidInput(`Requested subnet with cidr: ${canonical} for network: ${net.id} overlaps with another subnet`);
  const gateway = input.gateway_ip === undefined ? defaultGateway(cidr) : input.gateway_ip;
  const now = state.clock.now();
  const subnet: Subnet = {
    id: input.id ?? uuid(),
    name: input.name ?? "",
    network_id: net.id,
    project_id: input.project_id ?? net.project_id,
    description: input.description ?? "",
    cidr: canonical,
    ip_version: 4,
    gateway_ip: gateway,
    enable_dhcp: input.enable_dhcp ?? true,
    allocation_pools: input.allocation_pools ?? defaultPools(cidr, gateway),
    dns_nameservers: input.dns_nameservers ?? [],
    host_routes: input.host_routes ?? [],
    ipv6_ra_mode: null,
    ipv6_address_mode: null,
    subnetpool_id: null,
    segment_id: null,
    service_types: input.service_types ?? [],
    dns_publish_fixed_ip: false,
    tags: input.tags ?? [],
    created_at: input.created_at ?? now,
    updated_at: input.updated_at ?? now,
    revision_number: input.revision_number ?? 0,
  };
  state.store.transaction(() => {
    nx.subnets.put(subnet);
    nx.networks.put({ ...net, subnets: [...net.subnets, subnet.id], revision_number: net.revision_number + 1, updated_at: now });
    if (subnet.enable_dhcp) {
      scheduleNetwork(state, net.id);
      syncDhcpPorts(state, net.id);
    }
  });
  return subnet;
}

/** Removes a subnet record and its id from the network (no port checks; see the DELETE route). */
export function deleteSubnetRecord(state: SimState, id: string): void {
  const nx = neutron(state);
  const s = nx.subnets.get(id);
  if (!s) return;
  nx.subnets.remove(id);
  const net = nx.networks.get(s.network_id);
  if (net) nx.networks.put({ ...net, subnets: net.subnets.filter((x) => x !== id), revision_number: net.revision_number + 1 });
}

export function registerSubnets(app: Hono<SimEnv>, state: SimState): void {
  const nx = () => neutron(state);
  const externalOf = (netId: string) => !!nx().networks.get(netId)?.["router:external"];
  const canSee = (auth: AuthContext, s: Subnet) => {
    if (auth.isAdmin || s.project_id === auth.projectId) return true;
    const n = nx().networks.get(s.network_id);
    return !!n && canSeeNetwork(auth, n);
  };
  const visible = (auth: AuthContext, id: string) => {
    const s = nx().subnets.get(id);
    if (!s || !canSee(auth, s)) throw errors.subnetNotFound(id);
    return s;
  };

  app.get("/v2.0/subnets", (c) => {
    const auth = authOf(c);
    const ext = new Set(
      nx()
        .networks.filter((n) => n["router:external"])
        .map((n) => n.id),
    );
    const items = nx()
      .subnets.all()
      .filter((s) => canSee(auth, s))
      .map((s) => renderSubnet(s, ext.has(s.network_id)));
    return neutronJson(listBody("subnets", items, queryOf(c), SUBNET_FILTERS, c.req.url));
  });
  app.get("/v2.0/subnets/:id", (c) => {
    const s = visible(authOf(c), c.req.param("id"));
    return neutronJson({ subnet: pickFields(renderSubnet(s, externalOf(s.network_id)), queryOf(c)) });
  });
  app.post("/v2.0/subnets", async (c) => {
    const auth = authOf(c);
    const item = await readBody(c, "subnet");
    if (!item.network_id) throw errors.badRequest("Failed to parse request. Required attribute 'network_id' not specified");
    if (!item.cidr) throw errors.badResourceRequest("subnet", "a cidr must be specified in the absence of a subnet pool");
    if (item.ip_version !== undefined && Number(item.ip_version) !== 4) throw errors.invalidInput("the sim serves IPv4 subnets only");
    const net = nx().networks.get(item.network_id);
    if (!net || !canSeeNetwork(auth, net)) throw errors.networkNotFound(item.network_id);
    if (!auth.isAdmin && net.project_id !== auth.projectId) throw errors.policy("create_subnet");
    const s = createSubnet(state, {
      ...item,
      network_id: net.id,
      cidr: item.cidr,
      project_id: owningProject(auth, item, "subnet"),
    } as SubnetInput);
    return neutronJson({ subnet: renderSubnet(s, net["router:external"]) }, 201);
  });
  app.put("/v2.0/subnets/:id", async (c) => {
    const auth = authOf(c);
    const s = visible(auth, c.req.param("id"));
    if (!auth.isAdmin && s.project_id !== auth.projectId) throw errors.resourceNotFound();
    const item = await readBody(c, "subnet");
    const keys = ["name", "description", "gateway_ip", "enable_dhcp", "dns_nameservers", "host_routes", "allocation_pools"] as const;
    const next = { ...s, updated_at: state.clock.now(), revision_number: s.revision_number + 1 } as Subnet;
    for (const k of keys) if (item[k] !== undefined) (next as any)[k] = item[k];
    nx().subnets.put(next);
    return neutronJson({ subnet: renderSubnet(next, externalOf(s.network_id)) });
  });
  app.delete("/v2.0/subnets/:id", (c) => {
    const auth = authOf(c);
    const s = visible(auth, c.req.param("id"));
    if (!auth.isAdmin && s.project_id !== auth.projectId) throw errors.resourceNotFound();
    const ports = nx().ports.filter((p) => p.fixed_ips.some((ip) => ip.subnet_id === s.id));
    if (ports.some((p) => p.device_owner !== "network:dhcp")) throw errors.subnetInUse(s.id);
    state.store.transaction(() => {
      for (const p of ports) nx().ports.put({ ...p, fixed_ips: p.fixed_ips.filter((ip) => ip.subnet_id !== s.id) });
      deleteSubnetRecord(state, s.id);
    });
    return neutronNoContent();
  });
}
