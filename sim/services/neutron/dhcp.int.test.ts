/**
 * The DHCP agent scheduler endpoints, with Neutron's exact statuses, bodies and messages. Runs on both targets
 * on networks it creates itself, moving agents only on those (zenith-net's binding on the real tier is left alone).
 * Both targets run with dhcp_agents_per_network = 1 (the real tier's neutron.conf, the sim's default).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { onSim, simControl } from "../../../tests/target";
import { login, type OsSession } from "../../test/os-session";
import { Cleanup, makeNetwork, uniqueName } from "../../test/fixtures";
import { pollUntil } from "../../test/storage-helpers";

interface Agent {
  id: string;
  host: string;
  agent_type: string;
  admin_state_up: boolean;
  alive: boolean;
}
interface Port {
  id: string;
  device_id: string;
  fixed_ips: { ip_address: string }[];
}

describe("DHCP agent scheduler (dhcpagentscheduler extension)", () => {
  let admin: OsSession, demo: OsSession;
  let net: { id: string }, hostAgent: Agent, spare: Agent, other: Agent, lbAgent: Agent;
  const cleanup = new Cleanup();
  const P = uniqueName("dhcp");
  const get = async (s: OsSession, path: string) => (await s.call("network", path)).json();
  const add = (s: OsSession, agentId: string, networkId: string) =>
    s.call("network", `/v2.0/agents/${agentId}/dhcp-networks`, { method: "POST", json: { network_id: networkId } });
  const hostsOf = async (id: string) =>
    ((await get(admin, `/v2.0/networks/${id}/dhcp-agents`)).agents as Agent[]).map((a) => a.host).sort();
  const dhcpPorts = async (): Promise<Port[]> => (await get(admin, `/v2.0/ports?network_id=${net.id}&device_owner=network:dhcp`)).ports;

  beforeAll(async () => {
    if (onSim) await simControl("/reset", { scenario: "default" }); // the seeded cs1 networks below are the default scenario's
    [admin, demo] = await Promise.all([login("admin"), login("demo")]);
    // The network is bound to its first agent by hand, before its subnet exists, so neither target's scheduler
    // picks one (see the scheduling test for why the real tier's would not).
    net = (await makeNetwork(admin, cleanup, `${P}-net`)).network;
    const agents: Agent[] = (await get(admin, "/v2.0/agents")).agents;
    const dhcp = agents.filter((a) => a.agent_type === "DHCP agent" && a.alive && a.admin_state_up);
    expect(dhcp.length, "needs three alive, admin-up DHCP agents").toBeGreaterThanOrEqual(3);
    // The agent set admin-down for a moment is the one hosting the fewest networks (on the real tier, not
    // zenith-net's dhcp-host-1, which other suites audit).
    const load = new Map<string, number>();
    for (const a of dhcp) load.set(a.id, (await get(admin, `/v2.0/agents/${a.id}/dhcp-networks`)).networks.length);
    const byLoad = [...dhcp].sort((a, b) => load.get(a.id)! - load.get(b.id)!);
    [other, hostAgent, spare] = [byLoad[0], byLoad[1], byLoad[2]];
    expect((await add(admin, hostAgent.id, net.id)).status).toBe(201);
    const sub = await admin.call("network", "/v2.0/subnets", {
      method: "POST",
      json: { subnet: { network_id: net.id, cidr: "10.62.1.0/24", ip_version: 4 } },
    });
    expect(sub.status).toBe(201);
    lbAgent = agents.find((a) => a.agent_type !== "DHCP agent")!;
    expect(lbAgent, "needs an agent that is not a DHCP agent").toBeDefined();
  });
  afterAll(() => cleanup.run());

  it("the extension is listed", async () => {
    const aliases = (await get(admin, "/v2.0/extensions")).extensions.map((e: { alias: string }) => e.alias);
    expect(aliases).toEqual(expect.arrayContaining(["dhcp_agent_scheduler", "agent"]));
  });

  it("a network starts with one DHCP agent, which hosts it", async () => {
    expect(await hostsOf(net.id)).toEqual([hostAgent.host]);
    expect((await get(admin, `/v2.0/agents/${hostAgent.id}/dhcp-networks`)).networks.map((n: { id: string }) => n.id)).toContain(net.id);
    // Precondition stated: the sim's default scenario seeds four cs1 networks, each scheduled to one agent.
    if (onSim) {
      for (const name of ["cs1-yw-1", "cs1-yw-2", "cs1-yw-3", "cs1-fzjh-24"]) {
        const n = (await get(admin, `/v2.0/networks?name=${name}`)).networks[0];
        expect((await get(admin, `/v2.0/networks/${n.id}/dhcp-agents`)).agents, name).toHaveLength(1);
      }
    }
  });

  it("POST dhcp-networks answers 201 with the body null, and the agent now hosts the network", async () => {
    const before = (await get(admin, `/v2.0/agents/${spare.id}`)).agent.configurations.networks as number;
    const res = await add(admin, spare.id, net.id);
    expect(res.status).toBe(201);
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(await res.text()).toBe("null");
    expect(await hostsOf(net.id)).toEqual([hostAgent.host, spare.host].sort());
    const hosted = (await get(admin, `/v2.0/agents/${spare.id}/dhcp-networks`)).networks.map((n: { id: string }) => n.id);
    expect(hosted).toContain(net.id);
    // Precondition stated: the sim's agent reports its count at once; a real agent reports
    // configurations.networks with its next heartbeat (report_interval), so only the binding is checked there.
    if (onSim) expect((await get(admin, `/v2.0/agents/${spare.id}`)).agent.configurations.networks).toBe(before + 1);
  });

  it("adding it again gives 409 NetworkHostedByDHCPAgent", async () => {
    const res = await add(admin, spare.id, net.id);
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({
      NeutronError: {
        type: "NetworkHostedByDHCPAgent",
        message: `The network ${net.id} has been already hosted by the DHCP Agent ${spare.id}.`,
        detail: "",
      },
    });
  });

  it("an agent that is not a DHCP agent gives 404 InvalidDHCPAgent", async () => {
    const res = await add(admin, lbAgent.id, net.id);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      NeutronError: {
        type: "InvalidDHCPAgent",
        message: `Agent ${lbAgent.id} is not a valid DHCP Agent or has been disabled.`,
        detail: "",
      },
    });
  });

  it("an admin-down DHCP agent is also an InvalidDHCPAgent", async () => {
    const setUp = (up: boolean) =>
      admin.call("network", `/v2.0/agents/${other.id}`, { method: "PUT", json: { agent: { admin_state_up: up } } });
    expect((await setUp(false)).status).toBe(200);
    try {
      const res = await add(admin, other.id, net.id);
      expect(res.status).toBe(404);
      expect((await res.json()).NeutronError.type).toBe("InvalidDHCPAgent");
    } finally {
      expect((await setUp(true)).status).toBe(200);
    }
  });

  it("unknown network and unknown agent give 404 with Neutron's messages", async () => {
    const missing = "00000000-0000-4000-8000-000000000000";
    let res = await add(admin, spare.id, missing);
    expect(res.status).toBe(404);
    expect((await res.json()).NeutronError).toEqual({
      type: "NetworkNotFound",
      message: `Network ${missing} could not be found.`,
      detail: "",
    });
    res = await add(admin, missing, net.id);
    expect(res.status).toBe(404);
    expect((await res.json()).NeutronError).toEqual({ type: "AgentNotFound", message: `Agent ${missing} could not be found.`, detail: "" });
  });

  it("DELETE answers 204 with no body, then 409 NetworkNotHostedByDhcpAgent", async () => {
    let res = await admin.call("network", `/v2.0/agents/${spare.id}/dhcp-networks/${net.id}`, { method: "DELETE" });
    expect(res.status).toBe(204);
    expect(await res.text()).toBe("");
    res = await admin.call("network", `/v2.0/agents/${spare.id}/dhcp-networks/${net.id}`, { method: "DELETE" });
    expect(res.status).toBe(409);
    expect((await res.json()).NeutronError).toEqual({
      type: "NetworkNotHostedByDhcpAgent",
      message: `The network ${net.id} is not hosted by the DHCP Agent ${spare.id}.`,
      detail: "",
    });
    expect(await hostsOf(net.id)).toEqual([hostAgent.host]);
  });

  // The real tier's DHCP agents run NoopDhcpDriver: they make no DHCP port, so there is none to reserve.
  it.skipIf(!onSim)(
    "the removed agent's DHCP port is kept as reserved_dhcp_port (the port and its IP are reused on re-add) (real tier: NoopDhcpDriver makes no DHCP port)",
    async () => {
      const reserved: Port[] = (await get(admin, `/v2.0/ports?network_id=${net.id}&device_id=reserved_dhcp_port`)).ports;
      expect(reserved).toHaveLength(1);
      expect((await add(admin, spare.id, net.id)).status).toBe(201);
      // The reserved port is claimed by the re-added agent; no third port is made.
      const ports = await dhcpPorts();
      expect(ports).toHaveLength(2);
      const reused = ports.find((p) => p.id === reserved[0].id)!;
      expect(reused.fixed_ips[0].ip_address).toBe(reserved[0].fixed_ips[0].ip_address);
      expect(reused.device_id).toMatch(/^dhcp/);
      expect((await admin.call("network", `/v2.0/agents/${spare.id}/dhcp-networks/${net.id}`, { method: "DELETE" })).status).toBe(204);
    },
  );

  // The real tier's DHCP hosts run no L2 agent, so ML2 grants no host access to a new tenant network and its
  // scheduler binds none (zenith-net was bound by hand); scheduling on subnet create is observable on the sim only.
  it.skipIf(!onSim)(
    "dhcp_agents_per_network is applied when a subnet is created: a new network gets one agent (real tier: no DHCP host has an L2 agent, so nothing is scheduled)",
    async () => {
      const created = (await makeNetwork(demo, cleanup, `${P}-sched`)).network;
      expect((await get(admin, `/v2.0/networks/${created.id}/dhcp-agents`)).agents).toHaveLength(0);
      const res = await demo.call("network", "/v2.0/subnets", {
        method: "POST",
        json: { subnet: { network_id: created.id, cidr: "10.9.0.0/24", ip_version: 4 } },
      });
      expect(res.status).toBe(201);
      const { seen } = await pollUntil(
        async () => (await get(admin, `/v2.0/networks/${created.id}/dhcp-agents`)).agents.length as number,
        (k) => k > 0,
        30_000,
        200,
      );
      expect(seen[seen.length - 1]).toBe(1);
      expect(seen.every((k) => k <= 1)).toBe(true);
      expect((await demo.call("network", `/v2.0/networks/${created.id}`, { method: "DELETE" })).status).toBe(204);
    },
  );

  it("is admin-only: a member gets 403 PolicyNotAuthorized", async () => {
    let res = await add(demo, spare.id, net.id);
    expect(res.status).toBe(403);
    expect((await res.json()).NeutronError).toEqual({
      type: "PolicyNotAuthorized",
      message: "rule:create_dhcp-network is disallowed by policy",
      detail: "",
    });
    res = await demo.call("network", `/v2.0/networks/${net.id}/dhcp-agents`);
    expect(res.status).toBe(403);
    res = await demo.call("network", `/v2.0/agents/${spare.id}/dhcp-networks/${net.id}`, { method: "DELETE" });
    expect(res.status).toBe(403);
  });
});
