import type { Hono } from "hono";
import type { SimState } from "../../core/state";
import type { AuthContext, SimEnv } from "../keystone/token-auth";
import { errors, NeutronError, neutronJson } from "./errors";
import { authOf, type NeutronContext } from "./http";
import { inCidr, parseCidr } from "./ipam";
import { fipsThroughRouter, interfacePorts, OWNER, type Router } from "./l3-model";
import { l3Errors } from "./l3-errors";
import { neutron, type Port, type Subnet } from "./model";
import { canSeeNetwork } from "./network-view";
import { createPort } from "./ports";

const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const bad = (msg: string) => errors.badResourceRequest("router", msg);

/** The member action's body ({"subnet_id"} or {"port_id"}, unwrapped), as l3_db._validate_interface_info checks it. */
async function interfaceInfo(c: NeutronContext, forRemoval: boolean): Promise<{ subnet_id?: string; port_id?: string }> {
  const text = await c.req.text();
  let body: unknown = null;
  if (text.trim()) {
    try {
      body = JSON.parse(text);
    } catch {
      throw errors.badRequest("Malformed request body");
    }
  }
  const info = body && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const hasPort = "port_id" in info;
  const hasSubnet = "subnet_id" in info;
  if (!hasPort && !hasSubnet) throw bad("Either subnet_id or port_id must be specified");
  for (const key of ["port_id", "subnet_id"] as const) {
    if (key in info && !UUID.test(String(info[key]))) throw bad(`'${info[key]}' is not a valid UUID`);
  }
  if (!forRemoval && hasPort && hasSubnet) throw bad("Cannot specify both subnet-id and port-id");
  return { subnet_id: hasSubnet ? String(info.subnet_id) : undefined, port_id: hasPort ? String(info.port_id) : undefined };
}

/** The body both member actions answer (l3_db._make_router_interface_info: tenant_id, no project_id). */
const interfaceBody = (r: Router, port: Port) => {
  const subnetIds = port.fixed_ips.map((f) => f.subnet_id);
  return {
    id: r.id,
    tenant_id: r.project_id,
    port_id: port.id,
    network_id: port.network_id,
    subnet_id: subnetIds[0],
    subnet_ids: subnetIds,
  };
};

function visibleSubnet(state: SimState, auth: AuthContext, id: string): Subnet {
  const nx = neutron(state);
  const s = nx.subnets.get(id);
  const net = s && nx.networks.get(s.network_id);
  if (!s || !net || !(auth.isAdmin || s.project_id === auth.projectId || canSeeNetwork(auth, net))) throw errors.subnetNotFound(id);
  return s;
}

/** _check_for_dup_router_subnets: one port per subnet per router, and no overlapping CIDRs. */
function checkDuplicate(state: SimState, r: Router, subnet: Subnet): void {
  const nx = neutron(state);
  for (const p of interfacePorts(state, r.id)) {
    for (const f of p.fixed_ips) {
      if (f.subnet_id === subnet.id) throw bad(`Router already has a port on subnet ${subnet.id}`);
      const other = nx.subnets.get(f.subnet_id);
      if (!other) continue;
      const [a, b] = [subnet.cidr, other.cidr];
      const [ca, cb] = [parseCidr(a), parseCidr(b)];
      if (ca && cb && (inCidr(a.split("/")[0], cb) || inCidr(b.split("/")[0], ca)))
        throw bad(`Cidr ${a} of subnet ${subnet.id} overlaps with cidr ${b} of subnet ${other.id}`);
    }
  }
}

function addBySubnet(state: SimState, auth: AuthContext, r: Router, subnetId: string): Port {
  const s = visibleSubnet(state, auth, subnetId);
  if (!s.gateway_ip) throw bad("Subnet for router interface must have a gateway IP");
  checkDuplicate(state, r, s);
  // The interface takes the subnet's gateway address: a second router on the subnet finds it taken.
  const taken = neutron(state).ports.find((p) => p.fixed_ips.some((f) => f.subnet_id === s.id && f.ip_address === s.gateway_ip));
  if (taken) throw errors.ipAllocated(s.gateway_ip, s.id);
  return createPort(state, {
    network_id: s.network_id,
    project_id: s.project_id,
    device_id: r.id,
    device_owner: OWNER.interface,
    fixed_ips: [{ subnet_id: s.id, ip_address: s.gateway_ip }],
    security_groups: [],
  });
}

function addByPort(state: SimState, auth: AuthContext, r: Router, portId: string): Port {
  const nx = neutron(state);
  const p = nx.ports.get(portId);
  if (!p || !(auth.isAdmin || p.project_id === auth.projectId)) throw errors.portNotFound(portId);
  if (p.device_id)
    throw new NeutronError(
      409,
      "PortInUse",
      `Unable to complete operation on port ${p.id} for network ${p.network_id}. Port already has an attached device ${p.device_id}.`,
    );
  if (!p.fixed_ips.length) throw bad("Router port must have at least one fixed IP");
  for (const f of p.fixed_ips) {
    const s = nx.subnets.get(f.subnet_id);
    if (s) checkDuplicate(state, r, s);
  }
  return nx.ports.put({ ...p, device_id: r.id, device_owner: OWNER.interface, revision_number: p.revision_number + 1 });
}

function remove(state: SimState, r: Router, info: { subnet_id?: string; port_id?: string }): Port {
  const ports = interfacePorts(state, r.id);
  const port = info.port_id
    ? ports.find((p) => p.id === info.port_id)
    : ports.find((p) => p.fixed_ips.some((f) => f.subnet_id === info.subnet_id));
  if (!port) {
    if (info.port_id) throw l3Errors.interfaceNotFound(r.id, info.port_id);
    throw l3Errors.interfaceNotFoundForSubnet(r.id, info.subnet_id as string);
  }
  for (const f of port.fixed_ips)
    if (fipsThroughRouter(state, r.id, f.subnet_id).length) throw l3Errors.interfaceInUseByFip(r.id, f.subnet_id);
  neutron(state).ports.remove(port.id);
  return port;
}

/** PUT /routers/{id}/add_router_interface and remove_router_interface (200 with the interface's info). */
export function registerRouterInterfaces(app: Hono<SimEnv>, state: SimState, visible: (a: AuthContext, id: string) => Router): void {
  app.put("/v2.0/routers/:id/add_router_interface", async (c) => {
    const auth = authOf(c);
    const r = visible(auth, c.req.param("id"));
    const info = await interfaceInfo(c, false);
    const port = state.store.transaction(() =>
      info.port_id ? addByPort(state, auth, r, info.port_id) : addBySubnet(state, auth, r, info.subnet_id as string),
    );
    return neutronJson(interfaceBody(r, port));
  });
  app.put("/v2.0/routers/:id/remove_router_interface", async (c) => {
    const r = visible(authOf(c), c.req.param("id"));
    const info = await interfaceInfo(c, true);
    return neutronJson(
      interfaceBody(
        r,
        state.store.transaction(() => remove(state, r, info)),
      ),
    );
  });
}
