import type { Neutron, NeutronAgent, NeutronNetwork } from "../../openstack/neutron";
import { executeHeal, type HealStepResult } from "./execute-heal";
import { loadDhcpState } from "./load-state";

const agent = (id: string): NeutronAgent => ({ id, agent_type: "DHCP agent", host: `h-${id}`, alive: true, admin_state_up: true, heartbeat_timestamp: null });
const net = (id: string) => ({ id, name: id }) as NeutronNetwork;

/** A Neutron double that counts every call by method name. */
function fakeNeutron(opts: { aliases?: string[]; agents?: string[]; networks?: string[]; hosting?: Record<string, string[]>; post?: (agentId: string) => Response }) {
  const calls: Record<string, number> = {};
  const posts: string[] = [];
  const count = (k: string) => void (calls[k] = (calls[k] ?? 0) + 1);
  const hosting = opts.hosting ?? {};
  const neutron = {
    extensionAliases: async () => (count("extensions"), opts.aliases ?? ["agent", "dhcp_agent_scheduler"]),
    agents: async () => (count("agents"), (opts.agents ?? []).map(agent)),
    networks: async () => (count("networks"), (opts.networks ?? []).map(net)),
    subnets: async () => (count("subnets"), (opts.networks ?? []).map((n) => ({ id: `s-${n}`, network_id: n, enable_dhcp: true }))),
    networkDhcpAgents: async (id: string) => (count("networkDhcpAgents"), (hosting[id] ?? []).map(agent)),
    agentDhcpNetworks: async (id: string) =>
      (count("agentDhcpNetworks"), Object.entries(hosting).filter(([, as]) => as.includes(id)).map(([n]) => net(n))),
    addDhcpNetwork: async (agentId: string, networkId: string) => {
      posts.push(`${agentId}>${networkId}`);
      return opts.post ? opts.post(agentId) : new Response("null", { status: 201 });
    },
  } as unknown as Neutron;
  return { neutron, calls, posts };
}

describe("loadDhcpState", () => {
  it("says so when the agent or scheduler extension is missing, without listing anything else", async () => {
    const f = fakeNeutron({ aliases: ["dhcp_agent_scheduler"] });
    expect((await loadDhcpState(f.neutron)).availability).toBe("no-agent-extension");
    expect(f.calls).toEqual({ extensions: 1 });
    expect((await loadDhcpState(fakeNeutron({ aliases: ["agent"] }).neutron)).availability).toBe("no-scheduler-extension");
  });

  it("reports a cloud with no DHCP agents (OVN)", async () => {
    expect((await loadDhcpState(fakeNeutron({ networks: ["n1"] }).neutron)).availability).toBe("no-dhcp-agents");
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
});

describe("executeHeal", () => {
  const steps = ["a", "b", "c"].map((id) => ({ networkId: "n1", networkName: "n1", agentId: id, agentHost: `h-${id}` }));

  it("posts each step once, counts a 409 as already hosted, reports failures and goes on", async () => {
    const f = fakeNeutron({
      post: (id) => id === "b" ? new Response(JSON.stringify({ NeutronError: { message: "already hosted" } }), { status: 409 })
        : id === "c" ? new Response(JSON.stringify({ NeutronError: { message: "boom" } }), { status: 500 })
        : new Response("null", { status: 201 }),
    });
    const recorded: HealStepResult[] = [];
    const results = await executeHeal(f.neutron, steps, (r) => recorded.push(r));
    expect(f.posts).toEqual(["a>n1", "b>n1", "c>n1"]);
    expect(results.map((r) => r.status)).toEqual(["added", "already-hosted", "error"]);
    expect(results[1].detail).toBe("already hosted");
    expect(results[2].detail).toMatch(/Neutron.*500.*boom/);
    expect(recorded).toEqual(results);
  });

  it("records a thrown error (timeout, unreachable) as that step's failure", async () => {
    const f = fakeNeutron({ post: () => { throw new Error("Neutron (network) did not answer"); } });
    const results = await executeHeal(f.neutron, steps.slice(0, 1), () => {});
    expect(results[0]).toMatchObject({ status: "error", detail: "Neutron (network) did not answer" });
  });
});
