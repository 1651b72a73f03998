import { ApiError } from "../../errors";
import type { Neutron, NeutronAgent, NeutronNetwork } from "../../openstack/neutron";
import { executeHeal, type HealStepResult } from "./execute-heal";
import { DHCP_CONCURRENCY, loadDhcpState } from "./load-state";

const agent = (id: string): NeutronAgent => ({
  id,
  agent_type: "DHCP agent",
  host: `h-${id}`,
  alive: true,
  admin_state_up: true,
  heartbeat_timestamp: null,
});
const net = (id: string) => ({ id, name: id }) as NeutronNetwork;

const notFound = () => new ApiError(404, "upstream_not_found", "Neutron (network) answered 404: The resource could not be found.");

/**
 * A Neutron double that counts every call by method name and the most hosting reads in flight at once. As real
 * Neutron does, it answers 404 for `/agents` without the agent extension and for the hosting reads without the
 * scheduler extension. `failHosting` makes one agent's or network's hosting read fail.
 */
function fakeNeutron(opts: {
  aliases?: string[];
  agents?: string[];
  networks?: string[];
  hosting?: Record<string, string[]>;
  failHosting?: { id: string; error: () => Error };
  post?: (agentId: string) => Response;
}) {
  const calls: Record<string, number> = {};
  const posts: string[] = [];
  const count = (k: string) => void (calls[k] = (calls[k] ?? 0) + 1);
  const hosting = opts.hosting ?? {};
  const aliases = opts.aliases ?? ["agent", "dhcp_agent_scheduler"];
  const flight = { now: 0, max: 0 };
  /** A hosting read: counted, concurrent with the others until the next macrotask, refused as Neutron would. */
  const hostingRead = async <T>(kind: string, id: string, answer: () => T): Promise<T> => {
    count(kind);
    flight.max = Math.max(flight.max, ++flight.now);
    await new Promise((r) => setTimeout(r, 1));
    flight.now--;
    if (!aliases.includes("dhcp_agent_scheduler")) throw notFound();
    if (opts.failHosting?.id === id) throw opts.failHosting.error();
    return answer();
  };
  const neutron = {
    extensionAliases: async () => (count("extensions"), aliases),
    agents: async () => {
      count("agents");
      if (!aliases.includes("agent")) throw notFound();
      return (opts.agents ?? []).map(agent);
    },
    networks: async () => (count("networks"), { items: (opts.networks ?? []).map(net), complete: true }),
    subnets: async () => (
      count("subnets"), { items: (opts.networks ?? []).map((n) => ({ id: `s-${n}`, network_id: n, enable_dhcp: true })), complete: true }
    ),
    networkDhcpAgents: (id: string) => hostingRead("networkDhcpAgents", id, () => (hosting[id] ?? []).map(agent)),
    agentDhcpNetworks: (id: string) =>
      hostingRead("agentDhcpNetworks", id, () =>
        Object.entries(hosting)
          .filter(([, as]) => as.includes(id))
          .map(([n]) => net(n)),
      ),
    addDhcpNetwork: async (agentId: string, networkId: string) => {
      posts.push(`${agentId}>${networkId}`);
      return opts.post ? opts.post(agentId) : new Response("null", { status: 201 });
    },
  } as unknown as Neutron;
  const total = () => Object.values(calls).reduce((a, b) => a + b, 0);
  return { neutron, calls, posts, flight, total };
}

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);

describe("loadDhcpState", () => {
  it("says so when the agent or scheduler extension is missing (asking for the extensions only to explain a 404)", async () => {
    const noAgent = fakeNeutron({ aliases: ["dhcp_agent_scheduler"], networks: ["n1"] });
    expect((await loadDhcpState(noAgent.neutron)).availability).toBe("no-agent-extension");
    expect(noAgent.calls).toEqual({ agents: 1, networks: 1, subnets: 1, extensions: 1 });
    const noScheduler = fakeNeutron({ aliases: ["agent"], agents: ["a"], networks: ["n1", "n2"] });
    expect((await loadDhcpState(noScheduler.neutron)).availability).toBe("no-scheduler-extension");
  });

  it("reports a cloud with no DHCP agents (OVN)", async () => {
    const f = fakeNeutron({ networks: ["n1"] });
    expect((await loadDhcpState(f.neutron)).availability).toBe("no-dhcp-agents");
    expect(f.calls.extensions).toBeUndefined();
  });

  it("reads hosting per agent when agents are fewer than networks, else per network", async () => {
    const few = fakeNeutron({ agents: ["a", "b"], networks: ["n1", "n2", "n3"], hosting: { n1: ["a"], n2: ["a", "b"] } });
    const s1 = await loadDhcpState(few.neutron);
    expect(few.calls.agentDhcpNetworks).toBe(2);
    expect(few.calls.networkDhcpAgents).toBeUndefined();
    expect(Object.fromEntries(s1.hosting)).toEqual({ n1: ["a"], n2: ["a", "b"], n3: [] });

    const many = fakeNeutron({ agents: ["a", "b", "c"], networks: ["n1", "n2"], hosting: { n1: ["a"], n2: ["a", "b"] } });
    const s2 = await loadDhcpState(many.neutron);
    expect(many.calls.networkDhcpAgents).toBe(2);
    expect(many.calls.agentDhcpNetworks).toBeUndefined();
    expect(Object.fromEntries(s2.hosting)).toEqual({ n1: ["a"], n2: ["a", "b"] });
  });

  it("costs at most agents + 3 upstream calls, every hosting read in one parallel round", async () => {
    const f = fakeNeutron({ agents: ids("a", 4), networks: ids("n", 6), hosting: { n1: ["a1"], n2: ["a2", "a3"] } });
    const state = await loadDhcpState(f.neutron);
    expect(state.availability).toBe("ok");
    expect(f.total()).toBeLessThanOrEqual(4 + 3);
    expect(f.calls).toEqual({ agents: 1, networks: 1, subnets: 1, agentDhcpNetworks: 4 });
    expect(f.flight.max).toBe(4);
  });

  it("bounds the hosting reads in flight", async () => {
    const f = fakeNeutron({ agents: ids("a", 30), networks: ids("n", 40) });
    await loadDhcpState(f.neutron);
    expect(f.calls.agentDhcpNetworks).toBe(30);
    expect(f.total()).toBe(30 + 3);
    expect(f.flight.max).toBe(DHCP_CONCURRENCY);
  });

  it("fails the view when a hosting read fails, rather than show that network with fewer agents", async () => {
    const broken = fakeNeutron({
      agents: ids("a", 4),
      networks: ids("n", 6),
      hosting: { n1: ["a2"] },
      failHosting: { id: "a2", error: () => new ApiError(502, "upstream_error", "Neutron (network) answered 500") },
    });
    await expect(loadDhcpState(broken.neutron)).rejects.toMatchObject({ status: 502 });
    // A 404 with both extensions present is an agent gone mid-read: still a failure, not "no scheduler".
    const gone = fakeNeutron({ agents: ids("a", 4), networks: ids("n", 6), failHosting: { id: "a3", error: notFound } });
    await expect(loadDhcpState(gone.neutron)).rejects.toMatchObject({ status: 404 });
    expect(gone.calls.extensions).toBe(1);
  });
});

describe("executeHeal removals", () => {
  const dhcpAgent = (id: string, alive: boolean) => ({ id, agent_type: "DHCP agent", host: `h-${id}`, alive, admin_state_up: true });
  const removal = { op: "remove" as const, networkId: "n1", networkName: "n1", agentId: "dead", agentHost: "h-dead" };
  function fake(hosts: ReturnType<typeof dhcpAgent>[]) {
    const deletes: string[] = [];
    const neutron = {
      networkDhcpAgents: async () => hosts,
      removeDhcpNetwork: async (a: string, n: string) => {
        deletes.push(`${a}>${n}`);
        return new Response(null, { status: 204 });
      },
    } as unknown as Neutron;
    return { neutron, deletes };
  }

  it("drops a dead agent's binding once the network keeps its target of alive agents without it", async () => {
    const f = fake([dhcpAgent("a", true), dhcpAgent("b", true), dhcpAgent("dead", false)]);
    expect((await executeHeal(f.neutron, [removal], 2))[0].status).toBe("removed");
    expect(f.deletes).toEqual(["dead>n1"]);
  });

  it("refuses when fewer than the target of alive agents would remain, or the agent is alive again; never deletes then", async () => {
    const few = fake([dhcpAgent("a", true), dhcpAgent("dead", false)]);
    expect((await executeHeal(few.neutron, [removal], 2))[0]).toMatchObject({
      status: "refused",
      detail: expect.stringMatching(/only 1 alive agent would remain/),
    });
    const back = fake([dhcpAgent("a", true), dhcpAgent("b", true), dhcpAgent("dead", true)]);
    expect((await executeHeal(back.neutron, [removal], 2))[0]).toMatchObject({
      status: "refused",
      detail: expect.stringMatching(/alive again/),
    });
    expect([...few.deletes, ...back.deletes]).toEqual([]);
  });
});

describe("executeHeal", () => {
  const steps = ["a", "b", "c"].map((id) => ({
    op: "add" as const,
    networkId: "n1",
    networkName: "n1",
    agentId: id,
    agentHost: `h-${id}`,
  }));

  it("posts each step once, counts a 409 as already hosted, reports failures and goes on", async () => {
    const f = fakeNeutron({
      post: (id) =>
        id === "b"
          ? new Response(JSON.stringify({ NeutronError: { message: "already hosted" } }), { status: 409 })
          : id === "c"
            ? new Response(JSON.stringify({ NeutronError: { message: "boom" } }), { status: 500 })
            : new Response("null", { status: 201 }),
    });
    const recorded: HealStepResult[] = [];
    const results = await executeHeal(f.neutron, steps, 2, async (_s, run) => {
      const r = await run();
      recorded.push(r);
      return r;
    });
    expect(f.posts).toEqual(["a>n1", "b>n1", "c>n1"]);
    expect(results.map((r) => r.status)).toEqual(["added", "already-hosted", "error"]);
    expect(results[1].detail).toBe("already hosted");
    expect(results[2].detail).toMatch(/Neutron.*500.*boom/);
    expect(recorded).toEqual(results);
  });

  it("records a thrown error (timeout, unreachable) as that step's failure", async () => {
    const f = fakeNeutron({
      post: () => {
        throw new Error("Neutron (network) did not answer");
      },
    });
    const results = await executeHeal(f.neutron, steps.slice(0, 1), 2);
    expect(results[0]).toMatchObject({ status: "error", detail: "Neutron (network) did not answer" });
  });
});
