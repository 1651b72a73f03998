import { createHash } from "node:crypto";
import type { DhcpAudit } from "./audit";

/** `add`: schedule an alive agent to the network; `remove`: drop the binding of a dead agent. */
export interface HealStep {
  op: "add" | "remove";
  networkId: string;
  networkName: string;
  agentId: string;
  agentHost: string;
}
export interface HealWarning {
  networkId: string;
  networkName: string;
  healthy: number;
  target: number;
  available: number;
  message: string;
}
export interface HealPlan {
  planId: string;
  target: number;
  steps: HealStep[];
  warnings: HealWarning[];
}

/** A stable id for a plan: a hash of the target and its steps (order included), nothing time-dependent. */
export function planIdOf(target: number, steps: Pick<HealStep, "op" | "networkId" | "agentId">[]): string {
  const canonical = JSON.stringify({ target, steps: steps.map((s) => [s.op, s.networkId, s.agentId]) });
  return createHash("sha256").update(canonical).digest("hex").slice(0, 16);
}

/**
 * Plans a heal: for each under-target network (all of them, or those in `networkIds`), add alive admin-up
 * DHCP agents that do not already host it, least-loaded first (load counts the steps already planned).
 * Dead or admin-down agents are never picked. When too few are left, the network gets a warning.
 * A network that already has its target of alive admin-up agents also drops its bindings to dead agents
 * (never an alive one, so it keeps every alive agent it had); one below target only gains agents this time.
 */
export function planHeal(audit: DhcpAudit, opts: { networkIds?: string[] } = {}): HealPlan {
  const target = audit.target;
  const wanted = opts.networkIds ? new Set(opts.networkIds) : null;
  const load = new Map(audit.agents.map((a) => [a.id, a.networkIds.length]));
  const candidates = audit.agents.filter((a) => a.usable);
  const steps: HealStep[] = [];
  const warnings: HealWarning[] = [];
  for (const n of audit.networks) {
    if (wanted && !wanted.has(n.id)) continue;
    if (n.verdict === "ok") {
      for (const a of n.agents.filter((x) => !x.alive))
        steps.push({ op: "remove", networkId: n.id, networkName: n.name, agentId: a.id, agentHost: a.host });
      continue;
    }
    if (n.verdict !== "degraded" && n.verdict !== "down") continue;
    const hosting = new Set(n.agents.map((a) => a.id));
    const free = candidates
      .filter((a) => !hosting.has(a.id))
      .sort(
        (a, b) => load.get(a.id)! - load.get(b.id)! || a.host.localeCompare(b.host, "en", { numeric: true }) || a.id.localeCompare(b.id),
      );
    const need = target - n.healthy;
    for (const a of free.slice(0, need)) {
      steps.push({ op: "add", networkId: n.id, networkName: n.name, agentId: a.id, agentHost: a.host });
      load.set(a.id, load.get(a.id)! + 1);
    }
    if (free.length < need) {
      const reachable = n.healthy + free.length;
      warnings.push({
        networkId: n.id,
        networkName: n.name,
        healthy: n.healthy,
        target,
        available: free.length,
        message: `cannot reach target ${target} for ${n.name || n.id}: only ${reachable} alive agent${reachable === 1 ? "" : "s"}`,
      });
    }
  }
  return { planId: planIdOf(target, steps), target, steps, warnings };
}
