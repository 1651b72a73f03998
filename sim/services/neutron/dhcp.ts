import type { Hono } from "hono";
import { createHash } from "node:crypto";
import type { SimState } from "../../core/state";
import type { SimEnv } from "../keystone/token-auth";
import { errors, neutronJson, neutronNoContent } from "./errors";
import { authOf, requireAdmin } from "./http";
import { NEUTRON_CONF, neutron, type Agent, type Subnet } from "./model";
import { agentAlive, agentLoads, DHCP_AGENT, renderAgent } from "./agents";
import { checkManualAdd, pickDhcpAgents, vacantBindingIndex } from "./dhcp-scheduler";
import { allocateFixedIps, createPort } from "./ports";
import { hostedNetworkIds, renderNetwork } from "./network-view";

/** Python's uuid.uuid5(uuid.NAMESPACE_DNS, name). */
function uuid5Dns(name: string): string {
  const ns = Buffer.from("6ba7b8109dad11d180b400c04fd430c8", "hex");
  const h = createHash("sha1")
    .update(Buffer.concat([ns, Buffer.from(name, "utf8")]))
    .digest()
    .subarray(0, 16);
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const x = h.toString("hex");
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

/** neutron.common.utils.get_dhcp_agent_device_id: the DHCP port's device_id for (network, host). */
export const dhcpDeviceId = (networkId: string, host: string): string => `dhcp${uuid5Dns(host.split(".")[0])}-${networkId}`;
export const RESERVED_DHCP_PORT = "reserved_dhcp_port";

export const hostingAgentIds = (state: SimState, networkId: string): string[] =>
  neutron(state)
    .bindings.filter((b) => b.network_id === networkId)
    .map((b) => b.dhcp_agent_id);

/** Gives each agent hosting the network a DHCP port with an address on every DHCP-enabled subnet. */
export function syncDhcpPorts(state: SimState, networkId: string): void {
  const nx = neutron(state);
  const net = nx.networks.get(networkId);
  if (!net) return;
  const dhcpSubnets = net.subnets.map((id) => nx.subnets.get(id)).filter((s): s is Subnet => !!s && s.enable_dhcp);
  if (!dhcpSubnets.length) return;
  const ports = nx.ports.filter((p) => p.network_id === networkId && p.device_owner === "network:dhcp");
  for (const agentId of hostingAgentIds(state, networkId)) {
    const agent = nx.agents.get(agentId);
    if (!agent) continue;
    const deviceId = dhcpDeviceId(networkId, agent.host);
    let port = ports.find((p) => p.device_id === deviceId) ?? ports.find((p) => p.device_id === RESERVED_DHCP_PORT);
    if (!port) {
      port = createPort(state, {
        network_id: networkId,
        project_id: net.project_id,
        device_owner: "network:dhcp",
        device_id: deviceId,
        "binding:host_id": agent.host,
        fixed_ips: allocateFixedIps(
          state,
          networkId,
          dhcpSubnets.map((s) => ({ subnet_id: s.id })),
        ),
      });
      ports.push(port);
      continue;
    }
    const missing = dhcpSubnets.filter((s) => !port!.fixed_ips.some((f) => f.subnet_id === s.id));
    const extra = missing.length
      ? allocateFixedIps(
          state,
          networkId,
          missing.map((s) => ({ subnet_id: s.id })),
        )
      : [];
    nx.ports.put({ ...port, device_id: deviceId, "binding:host_id": agent.host, fixed_ips: [...port.fixed_ips, ...extra] });
    port.device_id = deviceId;
  }
}

function bindAgent(state: SimState, agent: Agent, networkId: string): void {
  const nx = neutron(state);
  const index = vacantBindingIndex(nx.bindings.filter((b) => b.network_id === networkId).map((b) => b.binding_index));
  nx.bindings.put({ id: `${agent.id}:${networkId}`, dhcp_agent_id: agent.id, network_id: networkId, binding_index: index });
}

/** Automatic scheduling (subnet create): adds agents up to dhcp_agents_per_network; returns the added ids. */
export function scheduleNetwork(state: SimState, networkId: string, perNetwork = NEUTRON_CONF.dhcpAgentsPerNetwork): string[] {
  const nx = neutron(state);
  const load = agentLoads(state);
  const candidates = nx.agents.all().map((a) => ({
    id: a.id,
    isDhcp: a.agent_type === DHCP_AGENT,
    alive: agentAlive(state, a),
    adminStateUp: a.admin_state_up,
    load: load.networks.get(a.id) ?? 0,
  }));
  const picked = pickDhcpAgents(candidates, hostingAgentIds(state, networkId), perNetwork);
  for (const id of picked) bindAgent(state, nx.agents.get(id)!, networkId);
  return picked;
}

/** add_network_to_dhcp_agent: network, then agent, then type/admin state, then duplicate; force_scheduling. */
export function addNetworkToAgent(state: SimState, agentId: string, networkId: string): void {
  const nx = neutron(state);
  if (!nx.networks.get(networkId)) throw errors.networkNotFound(networkId);
  const agent = nx.agents.get(agentId);
  if (!agent) throw errors.agentNotFound(agentId);
  const check = checkManualAdd(
    { id: agent.id, isDhcp: agent.agent_type === DHCP_AGENT, adminStateUp: agent.admin_state_up },
    hostingAgentIds(state, networkId),
  );
  if (!check.ok) throw check.reason === "already-hosted" ? errors.networkHosted(networkId, agentId) : errors.invalidDhcpAgent(agentId);
  state.store.transaction(() => {
    bindAgent(state, agent, networkId);
    syncDhcpPorts(state, networkId);
  });
}

/** remove_network_from_dhcp_agent: the agent's DHCP port is kept as reserved_dhcp_port so its IP is reused. */
export function removeNetworkFromAgent(state: SimState, agentId: string, networkId: string): void {
  const nx = neutron(state);
  const agent = nx.agents.get(agentId);
  if (!agent) throw errors.agentNotFound(agentId);
  if (!nx.bindings.remove(`${agentId}:${networkId}`)) throw errors.networkNotHosted(networkId, agentId);
  const deviceId = dhcpDeviceId(networkId, agent.host);
  for (const p of nx.ports.filter((x) => x.network_id === networkId && x.device_id === deviceId))
    nx.ports.put({ ...p, device_id: RESERVED_DHCP_PORT, revision_number: p.revision_number + 1 });
}

export function registerDhcp(app: Hono<SimEnv>, state: SimState): void {
  const nx = () => neutron(state);

  app.get("/v2.0/networks/:id/dhcp-agents", (c) => {
    requireAdmin(authOf(c), "get_dhcp-agents");
    const ids = new Set(hostingAgentIds(state, c.req.param("id")));
    const load = agentLoads(state);
    return neutronJson({
      agents: nx()
        .agents.filter((a) => ids.has(a.id))
        .map((a) => renderAgent(state, a, load)),
    });
  });
  app.get("/v2.0/agents/:id/dhcp-networks", (c) => {
    const auth = authOf(c);
    requireAdmin(auth, "get_dhcp-networks");
    const id = c.req.param("id");
    if (!nx().agents.get(id)) throw errors.agentNotFound(id);
    const ids = new Set(
      nx()
        .bindings.filter((b) => b.dhcp_agent_id === id)
        .map((b) => b.network_id),
    );
    const hosted = hostedNetworkIds(state);
    return neutronJson({
      networks: nx()
        .networks.filter((n) => ids.has(n.id))
        .map((n) => renderNetwork(n, auth, hosted)),
    });
  });
  app.post("/v2.0/agents/:id/dhcp-networks", async (c) => {
    requireAdmin(authOf(c), "create_dhcp-network");
    const body = await c.req.json().catch(() => null);
    if (!body || typeof body.network_id !== "string") throw errors.badRequest("Unable to find 'network_id' in request body");
    addNetworkToAgent(state, c.req.param("id"), body.network_id);
    return neutronJson(null, 201);
  });
  app.delete("/v2.0/agents/:id/dhcp-networks/:networkId", (c) => {
    requireAdmin(authOf(c), "delete_dhcp-network");
    removeNetworkFromAgent(state, c.req.param("id"), c.req.param("networkId"));
    return neutronNoContent();
  });
}
