import { usable, type DhcpAudit, type DhcpNetworkView } from "./audit";
import type { DhcpSummary } from "./schema";
import type { FactsStamp } from "../../lib/shared-facts";

/** How many below-target networks the first answer carries; the rest are paged. */
export const BELOW_TARGET_FIRST = 50;

export const isBelowTarget = (n: Pick<DhcpNetworkView, "verdict">) => n.verdict === "down" || n.verdict === "degraded";

/** Could an alive admin-up agent still be added to this network? */
const healableBy = (agents: DhcpAudit["agents"]) => {
  const ids = agents.filter(usable).map((a) => a.id);
  return (n: DhcpNetworkView) => ids.some((id) => !n.agents.some((h) => h.id === id));
};

/** The first answer: counts per verdict, the first below-target networks (down first), the agents with heartbeats. */
export function summarizeDhcp(audit: DhcpAudit): Omit<DhcpSummary, keyof FactsStamp> {
  const below = audit.networks.filter(isBelowTarget).sort((a, b) => (a.verdict === b.verdict ? 0 : a.verdict === "down" ? -1 : 1));
  const canHeal = healableBy(audit.agents);
  return {
    availability: audit.availability,
    target: audit.target,
    summary: audit.summary,
    networks: audit.networks.length,
    belowTarget: { total: below.length, items: below.slice(0, BELOW_TARGET_FIRST) },
    healable: below.filter(canHeal).length,
    agents: audit.agents.map(({ networkIds, ...a }) => ({ ...a, networks: networkIds.length })),
  };
}

export interface NetworkFilter {
  verdict?: DhcpNetworkView["verdict"];
  below?: boolean;
  q?: string;
}

/** Networks (in the audit's name order) matching a filter. */
export function filterNetworks(networks: DhcpNetworkView[], f: NetworkFilter): DhcpNetworkView[] {
  const needle = f.q?.trim().toLowerCase();
  return networks.filter(
    (n) =>
      (!f.verdict || n.verdict === f.verdict) &&
      (!f.below || isBelowTarget(n)) &&
      (!needle || n.name.toLowerCase().includes(needle) || n.id.toLowerCase().includes(needle)),
  );
}
