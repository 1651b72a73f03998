import type { Hono } from "hono";
import type { SimState } from "../../core/state";
import type { SimEnv } from "../keystone/token-auth";
import { errors, neutronJson, neutronNoContent } from "./errors";
import { authOf, queryOf, readBody, type NeutronContext } from "./http";
import { NEUTRON_CONF, neutron, type Agent } from "./model";
import { heartbeatAt, isAlive } from "./liveness";
import { agentTime, listBody, pickFields } from "./view";

export const DHCP_AGENT = "DHCP agent";
export const LINUXBRIDGE_AGENT = "Linux bridge agent";

/** agent_down_time in wall ms at the sim's current time scale. */
export const agentDownMs = (state: SimState): number => state.clock.ms(NEUTRON_CONF.agentDownTime);

export const agentAlive = (state: SimState, a: Agent): boolean => isAlive(a, state.clock.now(), agentDownMs(state));

/** What each agent reports as counts: networks/subnets/ports served (DHCP), devices bound on its host (L2). */
export interface AgentLoad {
  networks: Map<string, number>;
  subnets: Map<string, number>;
  ports: Map<string, number>;
  devices: Map<string, number>;
}

export function agentLoads(state: SimState): AgentLoad {
  const nx = neutron(state);
  const load: AgentLoad = { networks: new Map(), subnets: new Map(), ports: new Map(), devices: new Map() };
  const bump = (m: Map<string, number>, k: string, n = 1) => m.set(k, (m.get(k) ?? 0) + n);
  const portsPerNet = new Map<string, number>();
  for (const p of nx.ports.all()) {
    bump(portsPerNet, p.network_id);
    if (p["binding:host_id"]) bump(load.devices, p["binding:host_id"]);
  }
  const subnetsPerNet = new Map<string, number>();
  for (const s of nx.subnets.all()) if (s.enable_dhcp) bump(subnetsPerNet, s.network_id);
  for (const b of nx.bindings.all()) {
    bump(load.networks, b.dhcp_agent_id);
    bump(load.subnets, b.dhcp_agent_id, subnetsPerNet.get(b.network_id) ?? 0);
    bump(load.ports, b.dhcp_agent_id, portsPerNet.get(b.network_id) ?? 0);
  }
  return load;
}

/** The agent as _make_agent_dict renders it (neutron/db/agents_db.py, Zed). */
export function renderAgent(state: SimState, a: Agent, load: AgentLoad): Record<string, unknown> {
  const now = state.clock.now();
  const configurations: Record<string, unknown> = { ...a.configurations };
  if (a.agent_type === DHCP_AGENT) {
    configurations.networks = load.networks.get(a.id) ?? 0;
    configurations.subnets = load.subnets.get(a.id) ?? 0;
    configurations.ports = load.ports.get(a.id) ?? 0;
  } else if (a.agent_type === LINUXBRIDGE_AGENT) {
    configurations.devices = load.devices.get(a.host) ?? 0;
  }
  return {
    id: a.id,
    agent_type: a.agent_type,
    binary: a.binary,
    topic: a.topic,
    host: a.host,
    admin_state_up: a.admin_state_up,
    created_at: agentTime(a.created_at),
    started_at: agentTime(a.started_at),
    heartbeat_timestamp: agentTime(heartbeatAt(a, now)),
    description: a.description,
    resources_synced: a.resources_synced,
    availability_zone: a.availability_zone,
    alive: isAlive(a, now, agentDownMs(state)),
    configurations,
    resource_versions: {},
  };
}

export const AGENT_FILTERS = [
  "id",
  "agent_type",
  "binary",
  "topic",
  "host",
  "admin_state_up",
  "alive",
  "description",
  "availability_zone",
] as const;

/** Stops an agent: its heartbeat freezes now; `alive` turns false agent_down_time later. */
export function killAgent(state: SimState, id: string): Agent {
  const nx = neutron(state);
  const a = nx.agents.get(id);
  if (!a) throw errors.agentNotFound(id);
  return a.killed_at === null ? nx.agents.put({ ...a, killed_at: state.clock.now() }) : a;
}

/** Restarts an agent: it heartbeats again at once (and its started_at moves to now). */
export function reviveAgent(state: SimState, id: string): Agent {
  const nx = neutron(state);
  const a = nx.agents.get(id);
  if (!a) throw errors.agentNotFound(id);
  return a.killed_at === null ? a : nx.agents.put({ ...a, killed_at: null, started_at: state.clock.now() });
}

/** /v2.0/agents: admin-only (policy get_agent); non-admins see an empty list, and 404 for a single agent. */
export function registerAgents(app: Hono<SimEnv>, state: SimState): void {
  const nx = () => neutron(state);
  const adminAgent = (c: NeutronContext, id: string): Agent => {
    const a = nx().agents.get(id);
    if (!authOf(c).isAdmin) throw errors.resourceNotFound();
    if (!a) throw errors.agentNotFound(id);
    return a;
  };

  app.get("/v2.0/agents", (c) => {
    if (!authOf(c).isAdmin) return neutronJson({ agents: [] });
    const load = agentLoads(state);
    const items = nx()
      .agents.all()
      .map((a) => renderAgent(state, a, load));
    return neutronJson(listBody("agents", items, queryOf(c), AGENT_FILTERS, c.req.url));
  });
  app.get("/v2.0/agents/:id", (c) => {
    const a = adminAgent(c, c.req.param("id"));
    return neutronJson({ agent: pickFields(renderAgent(state, a, agentLoads(state)), queryOf(c)) });
  });
  app.put("/v2.0/agents/:id", async (c) => {
    const a = adminAgent(c, c.req.param("id"));
    const item = await readBody(c, "agent");
    const next: Agent = {
      ...a,
      admin_state_up: typeof item.admin_state_up === "boolean" ? item.admin_state_up : a.admin_state_up,
      description: item.description !== undefined ? item.description : a.description,
    };
    nx().agents.put(next);
    return neutronJson({ agent: renderAgent(state, next, agentLoads(state)) });
  });
  app.delete("/v2.0/agents/:id", (c) => {
    const a = adminAgent(c, c.req.param("id"));
    state.store.transaction(() => {
      for (const b of nx().bindings.filter((x) => x.dhcp_agent_id === a.id)) nx().bindings.remove(b.id);
      nx().agents.remove(a.id);
    });
    return neutronNoContent();
  });
}
