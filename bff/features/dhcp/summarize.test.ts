import { describe, expect, it } from "vitest";
import { auditDhcp, type DhcpState } from "./audit";
import { BELOW_TARGET_FIRST, filterNetworks, summarizeDhcp } from "./summarize";

/** 2k networks × 100 agents, as the sim's scale scenario: network i is hosted by agents i%100 and, for even i, (i+1)%100. */
function scaleState(): DhcpState {
  const agents = Array.from({ length: 100 }, (_, i) => ({
    id: `a${i}`,
    host: `host-${i}`,
    alive: i % 10 !== 0,
    adminStateUp: true,
    heartbeat: "2026-11-30 07:00:00",
  }));
  const networks = Array.from({ length: 2000 }, (_, i) => ({ id: `n${i}`, name: `net-${i}`, dhcpEnabled: i % 50 !== 0 }));
  const hosting = new Map(networks.map((n, i) => [n.id, i % 2 === 0 ? [`a${i % 100}`, `a${(i + 1) % 100}`] : [`a${i % 100}`]]));
  return { availability: "ok", agents, networks, hosting };
}

describe("DHCP summary", () => {
  it("carries the counts, the first below-target networks (down first) and the agents with a network count", () => {
    const audit = auditDhcp(scaleState(), 2);
    const s = summarizeDhcp(audit);
    const below = audit.networks.filter((n) => n.verdict === "down" || n.verdict === "degraded");
    expect(s.networks).toBe(2000);
    expect(s.summary.ok + s.summary.degraded + s.summary.down + s.summary["no-dhcp"]).toBe(2000);
    expect(s.belowTarget.total).toBe(below.length);
    expect(s.belowTarget.items).toHaveLength(BELOW_TARGET_FIRST);
    const firstDegraded = s.belowTarget.items.findIndex((n) => n.verdict === "degraded");
    expect(s.belowTarget.items.slice(0, firstDegraded).every((n) => n.verdict === "down")).toBe(true);
    expect(s.belowTarget.items.slice(firstDegraded).every((n) => n.verdict === "degraded")).toBe(true);
    expect(s.agents).toHaveLength(100);
    expect(s.agents.reduce((sum, a) => sum + a.networks, 0)).toBe(audit.networks.reduce((sum, n) => sum + n.agents.length, 0));
    expect(s.agents[0]).not.toHaveProperty("networkIds");
    // Every below-target network has some usable agent not hosting it (90 of 100 are alive).
    expect(s.healable).toBe(below.length);
  });

  it("filters networks by verdict, below target, and name or id", () => {
    const nets = auditDhcp(scaleState(), 2).networks;
    expect(filterNetworks(nets, { verdict: "no-dhcp" })).toHaveLength(40);
    expect(filterNetworks(nets, { below: true }).every((n) => n.verdict === "down" || n.verdict === "degraded")).toBe(true);
    expect(filterNetworks(nets, { q: "NET-1999" }).map((n) => n.id)).toEqual(["n1999"]);
    expect(filterNetworks(nets, { q: "n7" }).map((n) => n.id)).toContain("n7");
    expect(filterNetworks(nets, {})).toHaveLength(2000);
  });
});
