import { describe, expect, it } from "vitest";
import { checkManualAdd, pickDhcpAgents, vacantBindingIndex, type Candidate } from "./dhcp-scheduler";

const agent = (id: string, over: Partial<Candidate> = {}): Candidate => ({
  id,
  isDhcp: true,
  alive: true,
  adminStateUp: true,
  load: 0,
  ...over,
});

describe("pickDhcpAgents", () => {
  it("picks the least loaded agents up to dhcp_agents_per_network", () => {
    const c = [agent("a", { load: 3 }), agent("b", { load: 1 }), agent("c", { load: 2 })];
    expect(pickDhcpAgents(c, [], 1)).toEqual(["b"]);
    expect(pickDhcpAgents(c, [], 2)).toEqual(["b", "c"]);
  });
  it("skips dead, admin-down, non-DHCP and already-hosting agents", () => {
    const c = [
      agent("dead", { alive: false }),
      agent("down", { adminStateUp: false }),
      agent("lb", { isDhcp: false }),
      agent("host"),
      agent("ok", { load: 9 }),
    ];
    expect(pickDhcpAgents(c, ["host"], 3)).toEqual(["ok"]);
  });
  it("adds nothing once the network has enough agents (not retroactive)", () => {
    expect(pickDhcpAgents([agent("a"), agent("b")], ["x"], 1)).toEqual([]);
  });
});

describe("checkManualAdd", () => {
  it("rejects a non-DHCP or disabled agent before checking the binding", () => {
    expect(checkManualAdd({ id: "a", isDhcp: false, adminStateUp: true }, ["a"])).toEqual({ ok: false, reason: "not-dhcp-or-disabled" });
    expect(checkManualAdd({ id: "a", isDhcp: true, adminStateUp: false }, [])).toEqual({ ok: false, reason: "not-dhcp-or-disabled" });
  });
  it("rejects an agent that already hosts the network", () => {
    expect(checkManualAdd({ id: "a", isDhcp: true, adminStateUp: true }, ["a"])).toEqual({ ok: false, reason: "already-hosted" });
  });
  it("accepts otherwise, even beyond dhcp_agents_per_network", () => {
    expect(checkManualAdd({ id: "c", isDhcp: true, adminStateUp: true }, ["a", "b"])).toEqual({ ok: true });
  });
});

describe("vacantBindingIndex", () => {
  it("fills the lowest gap", () => {
    expect(vacantBindingIndex([])).toBe(1);
    expect(vacantBindingIndex([1, 2])).toBe(3);
    expect(vacantBindingIndex([2, 3])).toBe(1);
  });
});
