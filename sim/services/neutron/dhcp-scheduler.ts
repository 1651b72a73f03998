/**
 * Neutron's DHCP scheduling (neutron/scheduler/dhcp_agent_scheduler.py, WeightScheduler with
 * dhcp_load_type = networks), as pure functions over candidate agents.
 *
 * dhcp_agents_per_network is read only here, when scheduling runs (subnet create); nothing re-evaluates
 * existing networks when it changes. A manual add (POST dhcp-networks) bypasses the limit.
 */
export interface Candidate {
  id: string;
  isDhcp: boolean;
  alive: boolean;
  adminStateUp: boolean;
  /** Networks the agent already hosts (its load). */
  load: number;
}

/** Agents to add to a network now hosted by `hostedIds`: the least loaded alive, admin-up DHCP agents. */
export function pickDhcpAgents(candidates: Candidate[], hostedIds: readonly string[], perNetwork: number): string[] {
  const needed = perNetwork - hostedIds.length;
  if (needed <= 0) return [];
  const hosted = new Set(hostedIds);
  return candidates
    .filter((a) => a.isDhcp && a.alive && a.adminStateUp && !hosted.has(a.id))
    .sort((a, b) => a.load - b.load || a.id.localeCompare(b.id))
    .slice(0, needed)
    .map((a) => a.id);
}

export type AddCheck = { ok: true } | { ok: false; reason: "not-dhcp-or-disabled" | "already-hosted" };

/**
 * The checks of add_network_to_dhcp_agent (neutron/db/agentschedulers_db.py), in Neutron's order:
 * the agent must be a DHCP agent and admin-up (enable_services_on_agents_with_admin_state_down = False),
 * then must not already host the network. Liveness is not checked: a dead agent can be given a network.
 */
export function checkManualAdd(agent: Pick<Candidate, "id" | "isDhcp" | "adminStateUp">, hostedIds: readonly string[]): AddCheck {
  if (!agent.isDhcp || !agent.adminStateUp) return { ok: false, reason: "not-dhcp-or-disabled" };
  if (hostedIds.includes(agent.id)) return { ok: false, reason: "already-hosted" };
  return { ok: true };
}

/** The next free binding_index (base_scheduler.get_vacant_binding_index with force_scheduling). */
export function vacantBindingIndex(used: readonly number[]): number {
  const taken = new Set(used);
  let i = 1;
  while (taken.has(i)) i++;
  return i;
}
