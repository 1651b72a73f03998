/**
 * Agent liveness, as neutron-server derives it: an agent is alive while its last heartbeat is newer
 * than agent_down_time. A running agent reports continuously, so its heartbeat is "now"; a killed
 * agent's heartbeat froze when it died. Pure functions, so the rule is unit-tested without HTTP.
 */
export interface Heartbeating {
  killed_at: number | null;
}

export const heartbeatAt = (agent: Heartbeating, now: number): number => agent.killed_at ?? now;

/** alive = now - heartbeat < agent_down_time (downTimeMs is agent_down_time at the sim's time scale). */
export const isAlive = (agent: Heartbeating, now: number, downTimeMs: number): boolean => now - heartbeatAt(agent, now) < downTimeMs;

/** When a killed agent will be reported dead, or null for a running one. */
export const diesAt = (agent: Heartbeating, downTimeMs: number): number | null =>
  agent.killed_at === null ? null : agent.killed_at + downTimeMs;
