import type { Hono } from "hono";
import { randomBytes } from "node:crypto";
import type { SimState } from "../../core/state";
import type { AuthContext, SimEnv } from "../keystone/token-auth";
import { uuid } from "../../core/ids";
import { errors, neutronJson, neutronNoContent } from "./errors";
import { authOf, owningProject, queryOf, readBody } from "./http";
import { NEUTRON_CONF, neutron, type FixedIp, type Port, type Subnet } from "./model";
import { nextFreeIp } from "./ipam";
import { isAlive } from "./liveness";
import { listBody, neutronTime, pickFields } from "./view";
import { canSeeNetwork } from "./network-view";
import { ensureDefaultSecurityGroup } from "./security-groups";
import { l3, OWNER } from "./l3-model";
import { l3Errors } from "./l3-errors";

const L3_OWNERS = new Set<string>(Object.values(OWNER));
const BINDING_ADMIN = ["binding:host_id", "binding:profile", "binding:vif_type", "binding:vif_details"] as const;

export function renderPort(p: Port, auth: AuthContext): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: p.id,
    name: p.name,
    network_id: p.network_id,
    tenant_id: p.project_id,
    mac_address: p.mac_address,
    admin_state_up: p.admin_state_up,
    status: p.status,
    device_id: p.device_id,
    device_owner: p.device_owner,
    fixed_ips: p.fixed_ips.map((f) => ({ ...f })),
    allowed_address_pairs: p.allowed_address_pairs.map((a) => ({ ...a })),
    extra_dhcp_opts: [],
    security_groups: [...p.security_groups],
    description: p.description,
    "binding:vnic_type": p["binding:vnic_type"],
    port_security_enabled: p.port_security_enabled,
    qos_policy_id: null,
    qos_network_policy_id: null,
    resource_request: null,
    ip_allocation: "immediate",
    dns_name: p.dns_name,
    dns_assignment: p.fixed_ips.map((f) => ({
      ip_address: f.ip_address,
      hostname: `host-${f.ip_address.replace(/\./g, "-")}`,
      fqdn: `host-${f.ip_address.replace(/\./g, "-")}.openstacklocal.`,
    })),
    dns_domain: "",
    propagate_uplink_status: false,
    tags: [...p.tags],
    created_at: neutronTime(p.created_at),
    updated_at: neutronTime(p.updated_at),
    revision_number: p.revision_number,
    project_id: p.project_id,
  };
  if (auth.isAdmin) for (const k of BINDING_ADMIN) out[k] = p[k];
  return out;
}

export const PORT_FILTERS = [
  "id",
  "name",
  "network_id",
  "tenant_id",
  "project_id",
  "mac_address",
  "admin_state_up",
  "status",
  "device_id",
  "device_owner",
  "description",
  "binding:host_id",
  "binding:vnic_type",
  "port_security_enabled",
  "dns_name",
  "revision_number",
  "fixed_ips",
  "security_groups",
] as const;

const mac = () => `fa:16:3e:${[...randomBytes(3)].map((b) => b.toString(16).padStart(2, "0")).join(":")}`;

/**
 * ML2 port binding as the sim models it: a host with an alive Linux bridge agent binds ("bridge"), one
 * without fails ("binding_failed", which makes Nova's boot fail with PortBindingFailed), no host is "unbound".
 */
function bind(state: SimState, p: Port): Port {
  const host = p["binding:host_id"];
  if (!host) return { ...p, "binding:vif_type": "unbound", "binding:vif_details": {}, status: "DOWN" };
  const now = state.clock.now();
  const l2 = neutron(state).agents.find((a) => a.host === host && a.agent_type === "Linux bridge agent");
  const ok = !!l2 && isAlive(l2, now, state.clock.ms(NEUTRON_CONF.agentDownTime));
  if (!ok) return { ...p, "binding:vif_type": "binding_failed", "binding:vif_details": {}, status: "DOWN" };
  return {
    ...p,
    "binding:vif_type": "bridge",
    "binding:vif_details": { connectivity: "l2", port_filter: true },
    status: p.device_id && p.admin_state_up ? "ACTIVE" : "DOWN",
  };
}

/** Addresses in use on a network's subnets (ports plus gateways). */
function usedIps(state: SimState, networkId: string, subnets: Subnet[]): Set<string> {
  const used = new Set<string>(subnets.map((s) => s.gateway_ip).filter((g): g is string => !!g));
  for (const p of neutron(state).ports.filter((x) => x.network_id === networkId)) for (const f of p.fixed_ips) used.add(f.ip_address);
  return used;
}

/** One address from each requested subnet (or from the first IPv4 subnet of the network). */
export function allocateFixedIps(state: SimState, networkId: string, requested?: { subnet_id?: string; ip_address?: string }[]): FixedIp[] {
  const nx = neutron(state);
  const net = nx.networks.get(networkId)!;
  const subnets = net.subnets.map((id) => nx.subnets.get(id)).filter((s): s is Subnet => !!s);
  const used = usedIps(state, networkId, subnets);
  const wanted = requested ?? (subnets[0] ? [{ subnet_id: subnets[0].id }] : []);
  return wanted.map((r) => {
    const s = r.subnet_id ? subnets.find((x) => x.id === r.subnet_id) : subnets[0];
    if (!s)
      throw errors.invalidInput(`Failed to create port on network ${networkId}, because fixed_ips included invalid subnet ${r.subnet_id}`);
    if (r.ip_address) {
      if (used.has(r.ip_address)) throw errors.ipAllocated(r.ip_address, s.id);
      used.add(r.ip_address);
      return { subnet_id: s.id, ip_address: r.ip_address };
    }
    const ip = nextFreeIp(s.allocation_pools, used);
    if (!ip) throw errors.ipExhausted(networkId);
    used.add(ip);
    return { subnet_id: s.id, ip_address: ip };
  });
}

export type PortInput = Partial<Port> &
  Pick<Port, "network_id" | "project_id"> & { fixed_ips_request?: { subnet_id?: string; ip_address?: string }[] };

/** Creates a port: allocates addresses, applies the project's default security group, binds it. Usable by Nova. */
export function createPort(state: SimState, input: PortInput): Port {
  const nx = neutron(state);
  const net = nx.networks.get(input.network_id);
  if (!net) throw errors.networkNotFound(input.network_id);
  const now = state.clock.now();
  const isDhcp = input.device_owner === "network:dhcp";
  const secure = input.port_security_enabled ?? net.port_security_enabled;
  const port: Port = {
    id: input.id ?? uuid(),
    name: input.name ?? "",
    network_id: net.id,
    project_id: input.project_id,
    description: input.description ?? "",
    mac_address: input.mac_address ?? mac(),
    admin_state_up: input.admin_state_up ?? true,
    status: "DOWN",
    device_id: input.device_id ?? "",
    device_owner: input.device_owner ?? "",
    fixed_ips: input.fixed_ips ?? allocateFixedIps(state, net.id, input.fixed_ips_request),
    security_groups: input.security_groups ?? (isDhcp || !secure ? [] : [ensureDefaultSecurityGroup(state, input.project_id).id]),
    port_security_enabled: secure,
    allowed_address_pairs: input.allowed_address_pairs ?? [],
    "binding:host_id": input["binding:host_id"] ?? "",
    "binding:vnic_type": input["binding:vnic_type"] ?? "normal",
    "binding:vif_type": "unbound",
    "binding:profile": input["binding:profile"] ?? {},
    "binding:vif_details": {},
    dns_name: input.dns_name ?? "",
    tags: input.tags ?? [],
    created_at: now,
    updated_at: now,
    revision_number: 1,
  };
  return nx.ports.put(bind(state, port));
}

/** Applies a PUT /ports body (Nova binds ports this way: device_id, device_owner, binding:host_id). */
export function updatePort(state: SimState, id: string, item: Record<string, any>): Port {
  const nx = neutron(state);
  const p = nx.ports.get(id);
  if (!p) throw errors.portNotFound(id);
  const keys = [
    "name",
    "description",
    "admin_state_up",
    "device_id",
    "device_owner",
    "security_groups",
    "port_security_enabled",
    "allowed_address_pairs",
    "binding:host_id",
    "binding:profile",
    "binding:vnic_type",
    "dns_name",
  ];
  const next = { ...p, updated_at: state.clock.now(), revision_number: p.revision_number + 1 } as Port;
  for (const k of keys) if (item[k] !== undefined) (next as any)[k] = item[k];
  if (Array.isArray(item.fixed_ips)) next.fixed_ips = allocateFixedIps(state, p.network_id, item.fixed_ips);
  return nx.ports.put(bind(state, next));
}

export function registerPorts(app: Hono<SimEnv>, state: SimState): void {
  const nx = () => neutron(state);
  const canSee = (auth: AuthContext, p: Port) => auth.isAdmin || p.project_id === auth.projectId;
  const visible = (auth: AuthContext, id: string) => {
    const p = nx().ports.get(id);
    if (!p || !canSee(auth, p)) throw errors.portNotFound(id);
    return p;
  };
  app.get("/v2.0/ports", (c) => {
    const auth = authOf(c);
    const q = queryOf(c);
    const all = q.network_id?.length === 1 ? nx().ports.filter((p) => p.network_id === q.network_id[0]) : nx().ports.all();
    const items = all.filter((p) => canSee(auth, p)).map((p) => renderPort(p, auth));
    return neutronJson(listBody("ports", items, q, PORT_FILTERS, c.req.url));
  });
  app.get("/v2.0/ports/:id", (c) => {
    const auth = authOf(c);
    return neutronJson({ port: pickFields(renderPort(visible(auth, c.req.param("id")), auth), queryOf(c)) });
  });
  app.post("/v2.0/ports", async (c) => {
    const auth = authOf(c);
    const item = await readBody(c, "port");
    if (!item.network_id) throw errors.badRequest("Failed to parse request. Required attribute 'network_id' not specified");
    const net = nx().networks.get(item.network_id);
    if (!net || !canSeeNetwork(auth, net)) throw errors.networkNotFound(item.network_id);
    if (!auth.isAdmin && item["binding:host_id"] !== undefined) throw errors.attrPolicy("create_port", "binding:host_id");
    const { fixed_ips, ...rest } = item;
    const p = createPort(state, {
      ...rest,
      network_id: net.id,
      project_id: owningProject(auth, item, "port"),
      fixed_ips_request: fixed_ips,
    });
    return neutronJson({ port: renderPort(p, auth) }, 201);
  });
  app.put("/v2.0/ports/:id", async (c) => {
    const auth = authOf(c);
    const p = visible(auth, c.req.param("id"));
    const item = await readBody(c, "port");
    if (!auth.isAdmin && BINDING_ADMIN.some((k) => item[k] !== undefined)) throw errors.attrPolicy("update_port", "binding:host_id");
    return neutronJson({ port: renderPort(updatePort(state, p.id, item), auth) });
  });
  app.delete("/v2.0/ports/:id", (c) => {
    const p = visible(authOf(c), c.req.param("id"));
    // prevent_l3_port_deletion: router and floating IP ports are removed through the L3 API.
    if (L3_OWNERS.has(p.device_owner) && (p.device_owner === OWNER.floatingip || l3(state).routers.get(p.device_id)))
      throw l3Errors.servicePortInUse(p.id, p.device_owner);
    nx().ports.remove(p.id);
    return neutronNoContent();
  });
}
