import { ApiError } from "../../errors";
import { upstreamError, upstreamMessage } from "../../openstack/http";
import { DHCP_AGENT_TYPE, type Neutron } from "../../openstack/neutron";
import { usable } from "./audit";
import type { HealStep } from "./plan-heal";

export type HealStepStatus = "added" | "already-hosted" | "removed" | "already-removed" | "refused" | "error";
export interface HealStepResult extends HealStep {
  status: HealStepStatus;
  detail: string | null;
}

/** POST /agents/{id}/dhcp-networks: a 409 means the agent already hosts the network, which is what the step wanted. */
async function add(neutron: Neutron, step: HealStep): Promise<HealStepResult> {
  const res = await neutron.addDhcpNetwork(step.agentId, step.networkId);
  const text = await res.text().catch(() => "");
  if (res.status === 201 || res.ok) return { ...step, status: "added", detail: null };
  if (res.status === 409) return { ...step, status: "already-hosted", detail: upstreamMessage(text) };
  return { ...step, status: "error", detail: upstreamError("network", res.status, text).message };
}

/**
 * DELETE /agents/{id}/dhcp-networks/{net}, only after a fresh read of the network's DHCP agents says the agent
 * is still dead and the network still has its target of alive admin-up agents without it.
 */
async function remove(neutron: Neutron, step: HealStep, target: number): Promise<HealStepResult> {
  const hosts = (await neutron.networkDhcpAgents(step.networkId)).filter((a) => a.agent_type === DHCP_AGENT_TYPE || !a.agent_type);
  const agent = hosts.find((a) => a.id === step.agentId);
  if (!agent) return { ...step, status: "already-removed", detail: null };
  if (agent.alive) return { ...step, status: "refused", detail: `agent ${step.agentHost} is alive again: its binding stays` };
  const alive = hosts.filter((a) => a.id !== step.agentId && usable({ alive: a.alive, adminStateUp: a.admin_state_up })).length;
  if (alive < target)
    return {
      ...step,
      status: "refused",
      detail: `only ${alive} alive agent${alive === 1 ? "" : "s"} would remain (target ${target}): the binding stays`,
    };
  try {
    await neutron.removeDhcpNetwork(step.agentId, step.networkId);
    return { ...step, status: "removed", detail: null };
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return { ...step, status: "already-removed", detail: e.message };
    throw e;
  }
}

/**
 * Runs the confirmed steps one at a time. A POST or DELETE is never retried; a failed step is reported and the
 * next one still runs (each step is independent). `each` wraps every step (the audit's intent and result).
 */
export async function executeHeal(
  neutron: Neutron,
  steps: HealStep[],
  target: number,
  each: (step: HealStep, run: () => Promise<HealStepResult>) => Promise<HealStepResult> = (_s, run) => run(),
): Promise<HealStepResult[]> {
  const results: HealStepResult[] = [];
  for (const step of steps) {
    results.push(
      await each(step, async () => {
        try {
          return step.op === "remove" ? await remove(neutron, step, target) : await add(neutron, step);
        } catch (e) {
          if (e instanceof ApiError && e.code === "audit_unavailable") throw e;
          return { ...step, status: "error", detail: e instanceof Error ? e.message : String(e) };
        }
      }),
    );
  }
  return results;
}
