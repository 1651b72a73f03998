import type { Hono } from "hono";
import type { SimState } from "../../core/state";
import { uuid } from "../../core/ids";
import type { AuthContext, SimEnv } from "../keystone/token-auth";
import { errors, NeutronError, neutronJson, neutronNoContent } from "./errors";
import { authOf, owningProject, queryOf, readBody } from "./http";
import { currentFip, interfacePorts, l3, OWNER, type FloatingIp } from "./l3-model";
import { l3Errors } from "./l3-errors";
import { neutron } from "./model";
import { canSeeNetwork } from "./network-view";
import { createPort } from "./ports";
import { listBody, neutronTime, pickFields } from "./view";

const FIP_FILTERS = [
  "id",
  "router_id",
  "status",
  "tenant_id",
  "project_id",
  "floating_network_id",
  "fixed_ip_address",
  "floating_ip_address",
  "port_id",
  "description",
  "revision_number",
] as const;
const bad = (msg: string) => errors.badResourceRequest("floatingip", msg);

/** As Zed renders it with fip-port-details and floating-ip-port-forwarding-detail; DOWN: no L3 agent wires it. */
function renderFip(state: SimState, stored: FloatingIp): Record<string, unknown> {
  const f = currentFip(state, stored);
  const p = f.port_id ? neutron(state).ports.get(f.port_id) : undefined;
  return {
    id: f.id,
    tenant_id: f.project_id,
    floating_network_id: f.floating_network_id,
    router_id: f.router_id,
    fixed_ip_address: f.fixed_ip_address,
    floating_ip_address: f.floating_ip_address,
    port_id: f.port_id,
    status: "DOWN",
    description: f.description,
    tags: [],
    created_at: neutronTime(f.created_at),
    updated_at: neutronTime(f.updated_at),
    revision_number: f.revision_number,
    project_id: f.project_id,
    port_details: p
      ? {
          name: p.name,
          network_id: p.network_id,
          mac_address: p.mac_address,
          admin_state_up: p.admin_state_up,
          status: p.status,
          device_id: p.device_id,
          device_owner: p.device_owner,
        }
      : null,
    port_forwardings: [],
  };
}

/**
 * l3_db._get_assoc_data: the internal port (seen elevated: a missing one is PortNotFound), its fixed IPv4 address, and
 * the router that has an interface on that subnet and a gateway on the floating IP's network.
 */
function association(state: SimState, auth: AuthContext, f: FloatingIp, portId: string, fixedIp?: string) {
  const nx = neutron(state);
  const port = nx.ports.get(portId);
  if (!port) throw errors.portNotFound(portId);
  if (!auth.isAdmin && port.project_id !== f.project_id)
    throw bad(`Cannot process floating IP association with Port ${portId}, since that port is owned by a different tenant`);
  const v4 = port.fixed_ips.filter((x) => !x.ip_address.includes(":"));
  const fixed = fixedIp ? v4.find((x) => x.ip_address === fixedIp) : v4[0];
  if (fixedIp && !fixed) throw bad(`Port ${portId} does not have fixed ip ${fixedIp}`);
  if (!fixed) throw bad(`Cannot add floating IP to port ${portId} that has no fixed IPv4 addresses`);
  const router = l3(state)
    .routers.all()
    .find(
      (r) =>
        r.gateway?.network_id === f.floating_network_id &&
        interfacePorts(state, r.id).some((ip) => ip.fixed_ips.some((x) => x.subnet_id === fixed.subnet_id)),
    );
  if (!router) throw l3Errors.gatewayNotReachable(f.floating_network_id, fixed.subnet_id, portId);
  const taken = l3(state)
    .floatingIps.all()
    .map((x) => currentFip(state, x))
    .find(
      (x) =>
        x.id !== f.id && x.port_id === portId && x.fixed_ip_address === fixed.ip_address && x.floating_network_id === f.floating_network_id,
    );
  if (taken) throw l3Errors.portAlreadyAssociated(f.floating_ip_address, f.id, portId, fixed.ip_address, f.floating_network_id);
  return { port_id: portId, fixed_ip_address: fixed.ip_address, router_id: router.id };
}

const unassociated = { port_id: null, fixed_ip_address: null, router_id: null };

/** Floating IPs: allocate from an external network, associate with a port, disassociate, release. */
export function registerFloatingIps(app: Hono<SimEnv>, state: SimState): void {
  const fips = () => l3(state).floatingIps;
  const visible = (a: AuthContext, id: string) => {
    const f = fips().get(id);
    if (!f || (!a.isAdmin && f.project_id !== a.projectId)) throw l3Errors.floatingIpNotFound(id);
    return currentFip(state, f);
  };
  app.get("/v2.0/floatingips", (c) => {
    const a = authOf(c);
    const all = fips()
      .filter((f) => a.isAdmin || f.project_id === a.projectId)
      .map((f) => renderFip(state, f));
    return neutronJson(listBody("floatingips", all, queryOf(c), FIP_FILTERS, c.req.url));
  });
  app.get("/v2.0/floatingips/:id", (c) =>
    neutronJson({ floatingip: pickFields(renderFip(state, visible(authOf(c), c.req.param("id"))), queryOf(c)) }),
  );
  app.post("/v2.0/floatingips", async (c) => {
    const a = authOf(c);
    const item = await readBody(c, "floatingip");
    if (!item.floating_network_id)
      throw errors.badRequest("Failed to parse request. Required attribute 'floating_network_id' not specified");
    if (!a.isAdmin && item.floating_ip_address !== undefined) throw errors.attrPolicy("create_floatingip", "floating_ip_address");
    const netId = String(item.floating_network_id);
    const net = neutron(state).networks.get(netId);
    if (!net || !canSeeNetwork(a, net)) throw errors.networkNotFound(netId);
    if (!net["router:external"]) throw bad(`Network ${net.id} is not a valid external network`);
    if (!net.subnets.length)
      throw new NeutronError(400, "ExternalIpAddressExhausted", `Unable to find any IP address on external network ${net.id}.`);
    const projectId = owningProject(a, item, "floatingip");
    const now = state.clock.now();
    const id = uuid();
    const f = state.store.transaction(() => {
      const port = createPort(state, {
        network_id: net.id,
        project_id: "",
        device_id: id,
        device_owner: OWNER.floatingip,
        security_groups: [],
        fixed_ips_request: item.floating_ip_address ? [{ ip_address: String(item.floating_ip_address) }] : undefined,
      });
      const base: FloatingIp = {
        id,
        project_id: projectId,
        description: typeof item.description === "string" ? item.description : "",
        floating_network_id: net.id,
        floating_ip_address: port.fixed_ips[0].ip_address,
        floating_port_id: port.id,
        ...unassociated,
        created_at: now,
        updated_at: now,
        revision_number: 0,
      };
      const assoc = item.port_id ? association(state, a, base, String(item.port_id), item.fixed_ip_address) : {};
      return fips().put({ ...base, ...assoc });
    });
    return neutronJson({ floatingip: renderFip(state, f) }, 201);
  });
  app.put("/v2.0/floatingips/:id", async (c) => {
    const a = authOf(c);
    const f = visible(a, c.req.param("id"));
    const item = await readBody(c, "floatingip");
    const assoc =
      "port_id" in item ? (item.port_id ? association(state, a, f, String(item.port_id), item.fixed_ip_address) : unassociated) : {};
    const next = fips().put({
      ...f,
      ...assoc,
      description: typeof item.description === "string" ? item.description : f.description,
      updated_at: state.clock.now(),
      revision_number: f.revision_number + 1,
    });
    return neutronJson({ floatingip: renderFip(state, next) });
  });
  app.delete("/v2.0/floatingips/:id", (c) => {
    const f = visible(authOf(c), c.req.param("id"));
    state.store.transaction(() => {
      neutron(state).ports.remove(f.floating_port_id);
      fips().remove(f.id);
    });
    return neutronNoContent();
  });
}
