import type { Hono } from "hono";
import type { SimState } from "../../core/state";
import type { AuthContext, SimEnv } from "../keystone/token-auth";
import { uuid } from "../../core/ids";
import { errors, neutronJson, neutronNoContent } from "./errors";
import { adminOnlyAttrs, authOf, checkAttrs, owningProject, queryOf, readBody, type AttrKind } from "./http";
import { NEUTRON_CONF, neutron, type Network } from "./model";
import { listBody } from "./view";
import { canSeeNetwork, hostedNetworkIds, NETWORK_FILTERS, PROVIDER_ATTRS, renderNetwork } from "./network-view";
import { deleteSubnetRecord } from "./subnets";

export type NetworkInput = Partial<Network> & Pick<Network, "name" | "project_id">;

/** Creates a network record: a tenant VXLAN network unless provider attributes are given. */
export function createNetwork(state: SimState, input: NetworkInput): Network {
  const nx = neutron(state);
  const now = state.clock.now();
  const type = input["provider:network_type"] ?? "vxlan";
  let seg = input["provider:segmentation_id"] ?? null;
  if (seg === null && (type === "vxlan" || type === "vlan")) {
    const used = new Set(
      nx.networks
        .all()
        .filter((n) => n["provider:network_type"] === type)
        .map((n) => n["provider:segmentation_id"]),
    );
    seg = type === "vxlan" ? 1 : 100;
    while (used.has(seg)) seg++;
  }
  const net: Network = {
    id: input.id ?? uuid(),
    name: input.name,
    project_id: input.project_id,
    description: input.description ?? "",
    admin_state_up: input.admin_state_up ?? true,
    status: "ACTIVE",
    shared: input.shared ?? false,
    "router:external": input["router:external"] ?? false,
    mtu: input.mtu ?? (type === "vxlan" ? NEUTRON_CONF.mtu - 50 : NEUTRON_CONF.mtu),
    port_security_enabled: input.port_security_enabled ?? true,
    is_default: input.is_default ?? false,
    availability_zone_hints: input.availability_zone_hints ?? [],
    dns_domain: input.dns_domain ?? "",
    tags: input.tags ?? [],
    "provider:network_type": type,
    "provider:physical_network": input["provider:physical_network"] ?? (type === "vlan" || type === "flat" ? "physnet1" : null),
    "provider:segmentation_id": seg,
    subnets: [],
    created_at: input.created_at ?? now,
    updated_at: input.updated_at ?? now,
    revision_number: input.revision_number ?? 1,
  };
  return nx.networks.put(net);
}

/** Deletes a network with its subnets, DHCP ports and DHCP bindings; 409 while other ports remain. */
export function deleteNetwork(state: SimState, id: string): void {
  const nx = neutron(state);
  const net = nx.networks.get(id);
  if (!net) throw errors.networkNotFound(id);
  const ports = nx.ports.filter((p) => p.network_id === id);
  const inUse = ports.filter((p) => p.device_owner !== "network:dhcp");
  if (inUse.length)
    throw errors.networkInUse(
      id,
      inUse.map((p) => p.id),
    );
  state.store.transaction(() => {
    for (const p of ports) nx.ports.remove(p.id);
    for (const b of nx.bindings.filter((x) => x.network_id === id)) nx.bindings.remove(b.id);
    for (const s of net.subnets) deleteSubnetRecord(state, s);
    nx.networks.remove(id);
  });
}

/** The network attribute map's converters and validators (neutron-lib api/definitions/network.py). */
const NETWORK_ATTRS: Record<string, AttrKind> = {
  name: "string",
  description: "string",
  admin_state_up: "bool",
  shared: "bool",
  mtu: "int",
  port_security_enabled: "bool",
  "router:external": "bool",
  is_default: "bool",
};
const UPDATABLE = [
  "name",
  "description",
  "admin_state_up",
  "shared",
  "router:external",
  "mtu",
  "port_security_enabled",
  "is_default",
  "dns_domain",
] as const;

export function registerNetworks(app: Hono<SimEnv>, state: SimState): void {
  const nx = () => neutron(state);
  const visible = (auth: AuthContext, id: string): Network => {
    const n = nx().networks.get(id);
    if (!n || !canSeeNetwork(auth, n)) throw errors.networkNotFound(id);
    return n;
  };

  app.get("/v2.0/networks", (c) => {
    const auth = authOf(c);
    const hosted = hostedNetworkIds(state);
    const items = nx()
      .networks.all()
      .filter((n) => canSeeNetwork(auth, n))
      .map((n) => renderNetwork(n, auth, hosted));
    return neutronJson(listBody("networks", items, queryOf(c), NETWORK_FILTERS, c.req.url));
  });

  app.get("/v2.0/networks/:id", (c) => {
    const auth = authOf(c);
    const n = visible(auth, c.req.param("id"));
    const body = renderNetwork(n, auth, hostedNetworkIds(state));
    const fields = queryOf(c).fields;
    return neutronJson({ network: fields ? Object.fromEntries(fields.filter((f) => f in body).map((f) => [f, body[f]])) : body });
  });

  app.post("/v2.0/networks", async (c) => {
    const auth = authOf(c);
    const item = checkAttrs(await readBody(c, "network"), NETWORK_ATTRS);
    adminOnlyAttrs(auth, item, "network", ["shared", "router:external", "is_default", ...PROVIDER_ATTRS]);
    if (item.name !== undefined && typeof item.name !== "string") throw errors.invalidInput(`'${item.name}' is not a valid string`);
    const net = createNetwork(state, {
      ...pick(item, [...UPDATABLE, ...PROVIDER_ATTRS, "availability_zone_hints", "tags"]),
      name: item.name ?? "",
      project_id: owningProject(auth, item, "network"),
    });
    return neutronJson({ network: renderNetwork(net, auth, new Set()) }, 201);
  });

  app.put("/v2.0/networks/:id", async (c) => {
    const auth = authOf(c);
    const n = visible(auth, c.req.param("id"));
    const item = checkAttrs(await readBody(c, "network"), NETWORK_ATTRS);
    if (!auth.isAdmin && n.project_id !== auth.projectId) throw errors.networkNotFound(n.id);
    adminOnlyAttrs(auth, item, "network", ["shared", "router:external", "is_default"]);
    const next: Network = { ...n, ...pick(item, [...UPDATABLE]), updated_at: state.clock.now(), revision_number: n.revision_number + 1 };
    nx().networks.put(next);
    return neutronJson({ network: renderNetwork(next, auth, hostedNetworkIds(state)) });
  });

  app.delete("/v2.0/networks/:id", (c) => {
    const auth = authOf(c);
    const n = visible(auth, c.req.param("id"));
    if (!auth.isAdmin && n.project_id !== auth.projectId) throw errors.resourceNotFound();
    deleteNetwork(state, n.id);
    return neutronNoContent();
  });
}

function pick<T extends Record<string, any>>(o: T, keys: readonly string[]): Partial<any> {
  return Object.fromEntries(keys.filter((k) => o[k] !== undefined).map((k) => [k, o[k]]));
}
