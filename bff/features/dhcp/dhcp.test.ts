import { auditDhcp, verdictOf, type DhcpAgentInput, type DhcpState } from "./audit";
import { planHeal, planIdOf } from "./plan-heal";
import { mapLimit } from "./load-state";

const agent = (id: string, over: Partial<DhcpAgentInput> = {}): DhcpAgentInput => ({
  id,
  host: `host-${id}`,
  alive: true,
  adminStateUp: true,
  heartbeat: "2026-01-01 00:00:00",
  ...over,
});

function state(agents: DhcpAgentInput[], hosting: Record<string, string[]>, noDhcp: string[] = []): DhcpState {
  const networks = Object.keys(hosting).map((id) => ({ id, name: `net-${id}`, dhcpEnabled: !noDhcp.includes(id) }));
  return { availability: "ok", agents, networks, hosting: new Map(Object.entries(hosting)) };
}

describe("DHCP audit verdicts", () => {
  it("grades by alive admin-up hosting agents against the target", () => {
    expect(verdictOf(true, 2, 2)).toBe("ok");
    expect(verdictOf(true, 3, 2)).toBe("ok");
    expect(verdictOf(true, 1, 2)).toBe("degraded");
    expect(verdictOf(true, 0, 2)).toBe("down");
    expect(verdictOf(false, 0, 2)).toBe("no-dhcp");
  });

  it("counts neither dead nor admin-down agents", () => {
    const a = auditDhcp(
      state(
        [agent("a"), agent("b", { alive: false }), agent("c", { adminStateUp: false }), agent("d")],
        { n1: ["a", "b"], n2: ["b", "c"], n3: ["a", "d"], n4: [] },
        ["n4"],
      ),
      2,
    );
    const by = Object.fromEntries(a.networks.map((n) => [n.id, n]));
    expect(by.n1).toMatchObject({ healthy: 1, verdict: "degraded" });
    expect(by.n2).toMatchObject({ healthy: 0, verdict: "down" });
    expect(by.n3).toMatchObject({ healthy: 2, verdict: "ok" });
    expect(by.n4.verdict).toBe("no-dhcp");
    expect(a.summary).toEqual({ ok: 1, degraded: 1, down: 1, "no-dhcp": 1, usableAgents: 2 });
    expect(a.agents.find((x) => x.id === "b")).toMatchObject({ usable: false, networkIds: ["n1", "n2"] });
  });

  it("reports a cloud without DHCP agents without networks to grade", () => {
    const a = auditDhcp({ availability: "no-dhcp-agents", agents: [], networks: [], hosting: new Map() }, 2);
    expect(a).toMatchObject({ availability: "no-dhcp-agents", networks: [], agents: [] });
  });
});

describe("DHCP heal planner", () => {
  it("adds the least-loaded alive admin-up agents not already hosting, never dead or admin-down ones", () => {
    const agents = [agent("busy"), agent("dead", { alive: false }), agent("down", { adminStateUp: false }), agent("idle"), agent("mid")];
    const plan = planHeal(auditDhcp(state(agents, { n1: ["busy"], y: ["busy"] }), 2));
    // idle and mid host nothing: n1 takes idle (host order), then y takes mid (idle now has 1).
    expect(plan.steps.map((s) => `${s.networkId}+${s.agentId}`)).toEqual(["n1+idle", "y+mid"]);
    expect(plan.steps.some((s) => s.agentId === "dead" || s.agentId === "down")).toBe(false);
    expect(plan.warnings).toEqual([]);
  });

  it("warns when the target exceeds the alive agents", () => {
    const agents = [agent("a"), agent("b"), agent("dead", { alive: false })];
    const plan = planHeal(auditDhcp(state(agents, { n1: ["a"] }), 4));
    expect(plan.steps.map((s) => s.agentId)).toEqual(["b"]);
    expect(plan.warnings).toHaveLength(1);
    expect(plan.warnings[0]).toMatchObject({ networkId: "n1", healthy: 1, available: 1, target: 4 });
    expect(plan.warnings[0].message).toContain("only 2 alive agents");
  });

  it("replaces a dead host with a live one on a down network, and skips ok and no-dhcp networks", () => {
    const agents = [agent("a", { alive: false }), agent("b"), agent("c")];
    const plan = planHeal(auditDhcp(state(agents, { down: ["a"], fine: ["b", "c"], nodhcp: [] }, ["nodhcp"]), 2));
    expect(plan.steps.map((s) => `${s.networkId}+${s.agentId}`)).toEqual(["down+b", "down+c"]);
  });

  it("limits the plan to the selected networks", () => {
    const plan = planHeal(auditDhcp(state([agent("a"), agent("b")], { n1: ["a"], n2: ["a"] }), 2), { networkIds: ["n2"] });
    expect(plan.steps.map((s) => s.networkId)).toEqual(["n2"]);
  });

  it("gives a stable planId that changes when the steps or target do", () => {
    const s = state([agent("a"), agent("b"), agent("c")], { n1: ["a"] });
    const p1 = planHeal(auditDhcp(s, 2));
    const p2 = planHeal(auditDhcp(s, 2));
    expect(p1.planId).toMatch(/^[0-9a-f]{16}$/);
    expect(p2.planId).toBe(p1.planId);
    expect(planHeal(auditDhcp(s, 3)).planId).not.toBe(p1.planId);
    expect(planIdOf(2, [{ op: "add", networkId: "n1", agentId: "c" }])).not.toBe(p1.planId);
    const b = s.agents.find((x) => x.id === "b")!;
    b.alive = false;
    expect(planHeal(auditDhcp(s, 2)).planId).not.toBe(p1.planId);
  });
});

describe("planHeal and dead agents", () => {
  it("drops dead agents' bindings only on a network already at target, and never an alive agent", () => {
    const s = state([agent("a"), agent("b"), agent("x", { alive: false }), agent("c")], {
      atTarget: ["a", "b", "x"],
      below: ["a", "x"],
      onlyDead: ["x"],
    });
    const plan = planHeal(auditDhcp(s, 2));
    const removes = plan.steps.filter((x) => x.op === "remove");
    expect(removes.map((x) => [x.networkId, x.agentId])).toEqual([["atTarget", "x"]]);
    expect(plan.steps.filter((x) => x.op === "add").every((x) => x.networkId !== "atTarget")).toBe(true);
    // Below target: agents are added this time; the dead binding goes in a later heal, once the target is met.
    expect(plan.steps.filter((x) => x.networkId === "below").map((x) => x.op)).toEqual(["add"]);
    expect(plan.steps.filter((x) => x.networkId === "onlyDead").map((x) => x.op)).toEqual(["add", "add"]);
  });
});

describe("mapLimit", () => {
  it("keeps order and never runs more than the limit at once", async () => {
    let inFlight = 0;
    let peak = 0;
    const out = await mapLimit([1, 2, 3, 4, 5, 6, 7], 3, async (x) => {
      peak = Math.max(peak, ++inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight--;
      return x * 2;
    });
    expect(out).toEqual([2, 4, 6, 8, 10, 12, 14]);
    expect(peak).toBe(3);
  });
});
