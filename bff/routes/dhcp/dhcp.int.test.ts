import { login, type OsSession } from "../../../sim/test/os-session";
import { onReal, onSim, simControl, target } from "../../../tests/target";
import { Cleanup, makeNetwork, uniqueName } from "../../../sim/test/fixtures";
import { AGENT_DEATH_MS, silenceDhcpAgent, type AgentFault } from "../../../tests/faults";
import { createAgent, testDeps } from "../../test/test-app";
import { DhcpNetworkPageSchema, DhcpSummarySchema, HealPlanSchema, HealResultSchema } from "../../features/dhcp/schema";

const SIM_NETS = ["cs1-yw-1", "cs1-yw-2", "cs1-yw-3", "cs1-fzjh-24"];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe(`admin DHCP HA (${target.name})`, () => {
  const a = createAgent();
  const added: { agentId: string; networkId: string }[] = [];
  const cleanup = new Cleanup();
  let os: OsSession;
  let fault: AgentFault | null = null;

  beforeAll(async () => {
    await a.login("admin", "admin");
    os = await login("admin");
  });
  afterAll(async () => {
    await fault?.revive();
    if (onSim) {
      await simControl("/reset", { scenario: "default" });
      return;
    }
    // The real tier cannot be reset: take back every agent this test added.
    for (const x of added) await os.call("network", `/v2.0/agents/${x.agentId}/dhcp-networks/${x.networkId}`, { method: "DELETE" });
    await cleanup.run();
  });

  /** Neutron read anew (refresh), then every network from the same facts, paged by the BFF. */
  const auditOf = async (t = 2) => {
    const res = await a.get(`/api/admin/dhcp?target=${t}&refresh=true`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const summary = DhcpSummarySchema.parse(res.body);
    const page = await a.get(`/api/admin/dhcp/networks?target=${t}&limit=500`);
    expect(page.status, JSON.stringify(page.body)).toBe(200);
    const networks = DhcpNetworkPageSchema.parse(page.body);
    expect(networks.total).toBe(summary.networks);
    expect(networks.gatheredAt).toBe(summary.gatheredAt);
    return { ...summary, networks: networks.items };
  };
  const networkByName = async (name: string) => (await auditOf()).networks.find((n) => n.name === name)!;

  it("is admin only, and validates its input", async () => {
    const member = createAgent();
    await member.login("demo");
    expect((await member.get("/api/admin/dhcp")).status).toBe(403);
    expect((await member.post("/api/admin/dhcp/heal", { dryRun: true })).status).toBe(403);
    expect((await createAgent().get("/api/admin/dhcp")).status).toBe(401);
    const bad = await a.get("/api/admin/dhcp?target=0");
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/target/);
    const noPlan = await a.post("/api/admin/dhcp/heal", { dryRun: false });
    expect(noPlan.status).toBe(400);
    expect(noPlan.body.message).toMatch(/planId/);
  });

  it("lists networks with their hosting agents and grades the single-agent ones degraded at target 2", async () => {
    const audit = await auditOf();
    expect(audit.availability).toBe("ok");
    expect(audit.agents.length).toBeGreaterThan(0);
    const names = onSim ? SIM_NETS : ["zenith-net"];
    for (const name of names) {
      const n = audit.networks.find((x) => x.name === name);
      expect(n, name).toBeDefined();
      expect(n).toMatchObject({ healthy: 1, target: 2, verdict: "degraded" });
      expect(n!.agents).toHaveLength(1);
    }
    if (onReal) expect(audit.networks.find((n) => n.name === "zenith-net")!.id).toBe(target.real!.networks["zenith-net"].id);
    // The same network is ok at target 1.
    expect((await auditOf(1)).networks.find((n) => n.name === names[0])!.verdict).toBe("ok");
  });

  it("the first answer's counts agree with every network paged and filtered in the BFF, from one read shared for sharedForS", async () => {
    const audit = await auditOf();
    const count = (v: string) => audit.networks.filter((n) => n.verdict === v).length;
    expect(audit.summary).toMatchObject({ ok: count("ok"), degraded: count("degraded"), down: count("down"), "no-dhcp": count("no-dhcp") });
    const below = audit.networks.filter((n) => n.verdict === "down" || n.verdict === "degraded");
    expect(audit.belowTarget.total).toBe(below.length);
    expect(audit.belowTarget.items.map((n) => n.id).sort()).toEqual(
      below
        .slice(0, 50)
        .map((n) => n.id)
        .sort(),
    );
    expect(audit.agents.every((x) => "heartbeat" in x && x.networks >= 0)).toBe(true);
    const before = a.deps.calls.length;
    const page = DhcpNetworkPageSchema.parse((await a.get("/api/admin/dhcp/networks?offset=1&limit=2")).body);
    expect(page.items.map((n) => n.id)).toEqual(audit.networks.slice(1, 3).map((n) => n.id));
    const filtered = DhcpNetworkPageSchema.parse((await a.get("/api/admin/dhcp/networks?below=true&limit=500")).body);
    expect(filtered.items.map((n) => n.id)).toEqual(below.map((n) => n.id));
    const named = DhcpNetworkPageSchema.parse(
      (await a.get(`/api/admin/dhcp/networks?q=${encodeURIComponent(audit.networks[0].name)}`)).body,
    );
    expect(named.items.map((n) => n.id)).toContain(audit.networks[0].id);
    expect(DhcpSummarySchema.parse((await a.get("/api/admin/dhcp")).body).gatheredAt).toBe(audit.gatheredAt);
    // Pages, filters and the next summary answer from the shared facts: no Neutron call.
    expect(a.deps.calls.slice(before).filter((c) => c.service === "network")).toHaveLength(0);
  });

  it("costs at most min(agents, networks) + 3 upstream calls per view, in two rounds", async () => {
    await auditOf();
    const before = a.deps.calls.length;
    const audit = await auditOf();
    const calls = a.deps.calls.slice(before);
    // The session is cached: every call is Neutron's (agents, networks, subnets, then the hosting reads).
    expect(
      calls.every((c) => c.service === "network"),
      calls.map((c) => c.url).join("\n"),
    ).toBe(true);
    expect(calls.length).toBeLessThanOrEqual(Math.min(audit.agents.length, audit.networks.length) + 3);
    expect(calls.some((c) => c.url.endsWith("/extensions"))).toBe(false);
  });

  it("heals one network to 2 agents: dry run, confirm, audit log; a stale planId gets 409", async () => {
    const net = await networkByName(onSim ? "cs1-yw-1" : "zenith-net");
    const dry = await a.post("/api/admin/dhcp/heal", { networkIds: [net.id], dryRun: true });
    expect(dry.status, JSON.stringify(dry.body)).toBe(200);
    const plan = HealPlanSchema.parse(dry.body);
    expect(plan.steps).toHaveLength(1);
    expect(plan.steps[0].networkId).toBe(net.id);
    expect(net.agents.map((x) => x.id)).not.toContain(plan.steps[0].agentId);
    // Nothing changed by the dry run.
    expect((await networkByName(net.name)).healthy).toBe(1);

    const run = await a.post("/api/admin/dhcp/heal", { networkIds: [net.id], dryRun: false, planId: plan.planId });
    expect(run.status, JSON.stringify(run.body)).toBe(200);
    const result = HealResultSchema.parse(run.body);
    added.push({ agentId: plan.steps[0].agentId, networkId: net.id });
    expect(result.results.map((r) => r.status)).toEqual(["added"]);
    expect(await networkByName(net.name)).toMatchObject({ healthy: 2, verdict: "ok" });

    const log = await a.get("/api/admin/audit");
    expect(log.status).toBe(200);
    const entry = log.body.entries.find(
      (e: any) => e.action === "dhcp.heal" && e.target === `network ${net.id}/agent ${plan.steps[0].agentId}`,
    );
    expect(entry).toMatchObject({ result: "ok", user: target.users.admin.username });

    // The same plan again: the fresh state plans nothing, so the old planId no longer matches.
    const stale = await a.post("/api/admin/dhcp/heal", { networkIds: [net.id], dryRun: false, planId: plan.planId });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe("plan_changed");
  });

  // The network whose only agent falls silent: the sim's seeded cs1-yw-2; on real one of ours, hosted by the last
  // DHCP host alone (never dhcp-host-1, which hosts the seeded zenith-net other suites grade).
  let deadNet = "cs1-yw-2";
  it(
    "counts a silenced agent dead once agent_down_time passes, and never plans it",
    async () => {
      if (onReal) {
        deadNet = uniqueName("i-dhcp-dead");
        const { network } = await makeNetwork(os, cleanup, deadNet, "10.63.42.0/24");
        const agent = (
          await (await os.call("network", `/v2.0/agents?agent_type=DHCP%20agent&host=${target.real!.dhcpAgentHosts.at(-1)}`)).json()
        ).agents[0];
        const add = await os.call("network", `/v2.0/agents/${agent.id}/dhcp-networks`, {
          method: "POST",
          json: { network_id: network.id },
        });
        expect(add.status, await add.text()).toBe(201);
      }
      const net = await networkByName(deadNet);
      expect(net.agents).toHaveLength(1);
      const host = net.agents[0].host;
      fault = await silenceDhcpAgent(
        host,
        async () => (await (await os.call("network", `/v2.0/agents?agent_type=DHCP%20agent&host=${host}`)).json()).agents[0].alive,
      );
      let after = await networkByName(deadNet);
      for (const end = Date.now() + AGENT_DEATH_MS; after.agents[0].alive && Date.now() < end; ) {
        await sleep(onSim ? 100 : 2000);
        after = await networkByName(deadNet);
      }
      expect(after).toMatchObject({ healthy: 0, verdict: "down" });
      expect(after.agents[0]).toMatchObject({ host, alive: false });
      const audit = await auditOf();
      expect(audit.agents.find((x) => x.host === host)).toMatchObject({ alive: false, usable: false });
      const dry = await a.post("/api/admin/dhcp/heal", { dryRun: true });
      const plan = HealPlanSchema.parse(dry.body);
      expect(plan.steps.filter((s) => s.networkId === net.id)).toHaveLength(2);
      expect(plan.steps.some((s) => s.agentHost === host)).toBe(false);
    },
    onSim ? 30_000 : 300_000,
  );

  // Needs the agent silenced above: heal first adds, and drops the dead binding only once the target is met.
  it("drops a dead agent's binding only once the network has its target of alive agents, never an alive one", async () => {
    const net = await networkByName(deadNet);
    const dead = net.agents.find((x) => !x.alive)!;
    expect(dead).toBeTruthy();
    const first = HealPlanSchema.parse((await a.post("/api/admin/dhcp/heal", { networkIds: [net.id], dryRun: true })).body);
    expect(first.steps.map((x) => x.op)).toEqual(["add", "add"]);
    expect((await a.post("/api/admin/dhcp/heal", { networkIds: [net.id], dryRun: false, planId: first.planId })).status).toBe(200);
    const healed = await networkByName(deadNet);
    expect(healed).toMatchObject({ healthy: 2, verdict: "ok" });
    const second = HealPlanSchema.parse((await a.post("/api/admin/dhcp/heal", { networkIds: [net.id], dryRun: true })).body);
    expect(second.steps.map((x) => [x.op, x.agentId])).toEqual([["remove", dead.id]]);
    const run = HealResultSchema.parse(
      (await a.post("/api/admin/dhcp/heal", { networkIds: [net.id], dryRun: false, planId: second.planId })).body,
    );
    expect(run.results.map((r) => r.status)).toEqual(["removed"]);
    const after = await networkByName(deadNet);
    expect(after.agents.map((x) => x.id)).not.toContain(dead.id);
    expect(
      after.agents
        .filter((x) => x.alive)
        .map((x) => x.id)
        .sort(),
    ).toEqual(
      healed.agents
        .filter((x) => x.alive)
        .map((x) => x.id)
        .sort(),
    );
    const log = (await a.get("/api/admin/audit?action=dhcp.heal")).body.entries;
    expect(log[0]).toMatchObject({
      result: "ok",
      target: `network ${net.id}/agent ${dead.id}`,
      step: expect.stringMatching(/^remove DHCP agent/),
    });
  });

  it("after its window a view answers at once from the last facts (regathering, with their age); a refresh and a heal plan read Neutron afresh", async () => {
    // Two apps, each shared 1 ms with every read counted slow: a view past the window answers from the last read
    // while one runs behind it. `views` only views; `healer` plans a heal. Neither calls anything else in between.
    const deps = () => testDeps({ dhcpSharedMs: 1, dhcpSlowReadMs: 0 });
    const views = createAgent(deps());
    const healer = createAgent(deps());
    await views.login("admin", "admin");
    await healer.login("admin", "admin");
    const name = uniqueName("i-dhcp-stale");
    const { network } = await makeNetwork(os, cleanup, name, "10.63.43.0/24");
    const before = (await auditOf()).networks.find((n) => n.id === network.id)!;
    const hosting = before.agents.length;
    const first = DhcpSummarySchema.parse((await views.get("/api/admin/dhcp?refresh=true")).body);
    expect(first).toMatchObject({ regathering: false, ageS: 0 });
    expect((await healer.get("/api/admin/dhcp?refresh=true")).status).toBe(200);
    const agent = first.agents.find((x) => x.usable && !before.agents.some((h) => h.id === x.id))!;
    expect(agent).toBeTruthy();
    // Neutron changes behind both apps' shared facts.
    const add = await os.call("network", `/v2.0/agents/${agent.id}/dhcp-networks`, { method: "POST", json: { network_id: network.id } });
    expect(add.status, await add.text()).toBe(201);
    added.push({ agentId: agent.id, networkId: network.id });
    await sleep(1_100);
    // The view answers at once from the facts read before the change, saying how old they are.
    const stale = DhcpSummarySchema.parse((await views.get("/api/admin/dhcp")).body);
    expect(stale).toMatchObject({ regathering: true, gatheredAt: first.gatheredAt });
    expect(stale.ageS).toBeGreaterThanOrEqual(1);
    // A heal plans on a read of its own: at target hosting + 1 the network is met, so there is nothing to add,
    // where the healer's shared facts (read before the change: `hosting` agents) would plan one.
    const plan = HealPlanSchema.parse(
      (await healer.post("/api/admin/dhcp/heal", { networkIds: [network.id], target: hosting + 1, dryRun: true })).body,
    );
    expect(plan.steps).toEqual([]);
    // A refresh waits for facts read now.
    const fresh = DhcpSummarySchema.parse((await views.get("/api/admin/dhcp?refresh=true")).body);
    expect(fresh).toMatchObject({ regathering: false, ageS: 0 });
    expect(Date.parse(fresh.gatheredAt)).toBeGreaterThan(Date.parse(first.gatheredAt));
    const remove = await os.call("network", `/v2.0/agents/${agent.id}/dhcp-networks/${network.id}`, { method: "DELETE" });
    expect(remove.status).toBe(204);
    added.pop();
  });
});
