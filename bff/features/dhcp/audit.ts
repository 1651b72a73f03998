/**
 * The DHCP-HA audit as plain functions: given the networks, their subnets, the DHCP agents and which agents
 * host which network, say how many alive admin-up agents serve each network against a target.
 */

export interface DhcpAgentInput {
  id: string;
  host: string;
  alive: boolean;
  adminStateUp: boolean;
  heartbeat: string | null;
}
export interface DhcpNetworkInput {
  id: string;
  name: string;
  dhcpEnabled: boolean;
}

/** Why a cloud has no DHCP agents to audit (OVN clouds have none; old ones lack the extensions). */
export type DhcpAvailability = "ok" | "no-agent-extension" | "no-scheduler-extension" | "no-dhcp-agents";
export type DhcpVerdict = "ok" | "degraded" | "down" | "no-dhcp";

export interface DhcpState {
  availability: DhcpAvailability;
  agents: DhcpAgentInput[];
  networks: DhcpNetworkInput[];
  /** network id → ids of the DHCP agents hosting it. */
  hosting: Map<string, string[]>;
}

export interface DhcpAgentView extends DhcpAgentInput {
  usable: boolean;
  networkIds: string[];
}
export interface DhcpNetworkView {
  id: string;
  name: string;
  dhcpEnabled: boolean;
  agents: { id: string; host: string; alive: boolean; adminStateUp: boolean }[];
  healthy: number;
  target: number;
  verdict: DhcpVerdict;
}
export interface DhcpAudit {
  availability: DhcpAvailability;
  target: number;
  networks: DhcpNetworkView[];
  agents: DhcpAgentView[];
  summary: Record<DhcpVerdict, number> & { usableAgents: number };
}

/** Alive and admin-up: the only agents that count, and the only ones a heal may add. */
export const usable = (a: Pick<DhcpAgentInput, "alive" | "adminStateUp">) => a.alive && a.adminStateUp;

export function verdictOf(dhcpEnabled: boolean, healthy: number, target: number): DhcpVerdict {
  if (!dhcpEnabled) return "no-dhcp";
  if (healthy === 0) return "down";
  return healthy < target ? "degraded" : "ok";
}

const byName = <T extends { name: string; id: string }>(a: T, b: T) =>
  a.name.localeCompare(b.name, "en", { numeric: true }) || a.id.localeCompare(b.id);

export function auditDhcp(state: DhcpState, target: number): DhcpAudit {
  const agentsById = new Map(state.agents.map((a) => [a.id, a]));
  const hostedBy = new Map<string, string[]>(state.agents.map((a) => [a.id, []]));
  const networks = [...state.networks].sort(byName).map((n): DhcpNetworkView => {
    const agents = (state.hosting.get(n.id) ?? [])
      .flatMap((id) => {
        const a = agentsById.get(id);
        if (!a) return [];
        hostedBy.get(id)!.push(n.id);
        return [{ id: a.id, host: a.host, alive: a.alive, adminStateUp: a.adminStateUp }];
      })
      .sort((x, y) => x.host.localeCompare(y.host, "en", { numeric: true }));
    const healthy = agents.filter(usable).length;
    return {
      id: n.id,
      name: n.name,
      dhcpEnabled: n.dhcpEnabled,
      agents,
      healthy,
      target,
      verdict: verdictOf(n.dhcpEnabled, healthy, target),
    };
  });
  const agents = [...state.agents]
    .sort((a, b) => a.host.localeCompare(b.host, "en", { numeric: true }) || a.id.localeCompare(b.id))
    .map((a) => ({ ...a, usable: usable(a), networkIds: hostedBy.get(a.id) ?? [] }));
  const summary = { ok: 0, degraded: 0, down: 0, "no-dhcp": 0, usableAgents: agents.filter((a) => a.usable).length };
  for (const n of networks) summary[n.verdict]++;
  return { availability: state.availability, target, networks, agents, summary };
}
