import { upstreamError, upstreamMessage } from "../../openstack/http";
import type { Neutron } from "../../openstack/neutron";
import type { HealStep } from "./plan-heal";

export type HealStepStatus = "added" | "already-hosted" | "error";
export interface HealStepResult extends HealStep { status: HealStepStatus; detail: string | null }

/**
 * Runs the confirmed steps one at a time: POST /agents/{id}/dhcp-networks for each. A 409 means the agent
 * already hosts the network, which is what the step wanted. A POST is never retried; a failed step is
 * reported and the next one still runs (each step is independent). `onStep` records each result.
 */
export async function executeHeal(
  neutron: Neutron, steps: HealStep[], onStep: (r: HealStepResult) => void,
): Promise<HealStepResult[]> {
  const results: HealStepResult[] = [];
  for (const step of steps) {
    let result: HealStepResult;
    try {
      const res = await neutron.addDhcpNetwork(step.agentId, step.networkId);
      const text = await res.text().catch(() => "");
      if (res.status === 201 || res.ok) result = { ...step, status: "added", detail: null };
      else if (res.status === 409) result = { ...step, status: "already-hosted", detail: upstreamMessage(text) };
      else result = { ...step, status: "error", detail: upstreamError("network", res.status, text).message };
    } catch (e) {
      result = { ...step, status: "error", detail: e instanceof Error ? e.message : String(e) };
    }
    onStep(result);
    results.push(result);
  }
  return results;
}
