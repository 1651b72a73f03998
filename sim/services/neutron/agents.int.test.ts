/**
 * Agents: admin-only listing, Neutron's filters and fields, and death agent_down_time (75 s; scaled on the sim)
 * after an agent falls silent, on both targets (tests/faults.ts: the sim's /_sim kill; on real one
 * neutron-dhcp-agent stopped under the fault lock, continued after). Death is checked by
 * the order of observed states, never by a wall-clock window.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { onReal, onSim, simControl, target } from "../../../tests/target";
import { AGENT_DEATH_MS, silenceDhcpAgent, type AgentFault } from "../../../tests/faults";
import { Cleanup, makeNetwork, uniqueName } from "../../test/fixtures";
import { login, type OsSession } from "../../test/os-session";
import { pollUntil } from "../../test/storage-helpers";

interface Agent {
  id: string;
  host: string;
  agent_type: string;
  alive: boolean;
  heartbeat_timestamp: string;
}

/** Where the DHCP agents run: one per cs1-opc host in the sim's default scenario; endpoints.json on the real tier. */
const DHCP_HOSTS: string[] = onSim ? Array.from({ length: 18 }, (_, i) => `cs1-opc-${i + 1}`) : target.real!.dhcpAgentHosts;

describe("neutron agents", () => {
  let admin: OsSession, demo: OsSession;
  const get = async (s: OsSession, path: string) => (await s.call("network", path)).json();
  const dhcpOn = async (host: string): Promise<Agent> => (await get(admin, `/v2.0/agents?agent_type=DHCP%20agent&host=${host}`)).agents[0];

  beforeAll(async () => {
    if (onSim) await simControl("/reset", { scenario: "default" });
    [admin, demo] = await Promise.all([login("admin"), login("demo")]);
  });

  it("one DHCP agent per DHCP host, with neutron-dhcp-agent's fields", async () => {
    const all: Agent[] = (await get(admin, "/v2.0/agents")).agents;
    const dhcp = all.filter((a) => a.agent_type === "DHCP agent");
    expect(dhcp.map((a) => a.host).sort()).toEqual([...DHCP_HOSTS].sort());
    for (const a of dhcp) {
      expect(a, a.host).toMatchObject({
        binary: "neutron-dhcp-agent",
        topic: "dhcp_agent",
        admin_state_up: true,
        availability_zone: "nova",
      });
      expect(a.heartbeat_timestamp).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    }
    expect(all.filter((a) => a.agent_type === "Linux bridge agent").length).toBeGreaterThan(0);
    // Precondition stated: the sim's default scenario runs a Linux bridge agent beside each DHCP agent, all alive;
    // the real tier runs its single Linux bridge agent on compute-1 and its liveness is the real agents' own.
    if (onSim) {
      expect(
        all
          .filter((a) => a.agent_type === "Linux bridge agent")
          .map((a) => a.host)
          .sort(),
      ).toEqual([...DHCP_HOSTS].sort());
      expect(dhcp.every((a) => a.alive)).toBe(true);
    }
  });

  it("?fields= and ?alive= filter like Neutron; an unknown filter is a 400", async () => {
    const all: Agent[] = (await get(admin, "/v2.0/agents?agent_type=DHCP%20agent")).agents;
    const alive = all
      .filter((a) => a.alive)
      .map((a) => a.id)
      .sort();
    expect(alive.length).toBeGreaterThan(0);
    const body = await get(admin, "/v2.0/agents?agent_type=DHCP%20agent&fields=id&fields=host&alive=true");
    expect(body.agents.map((a: { id: string }) => a.id).sort()).toEqual(alive);
    expect(Object.keys(body.agents[0]).sort()).toEqual(["host", "id"]);
    const res = await admin.call("network", "/v2.0/agents?colour=red");
    expect(res.status).toBe(400);
    expect((await res.json()).NeutronError).toEqual({
      type: "HTTPBadRequest",
      message: "['colour'] is invalid attribute for filtering",
      detail: "",
    });
  });

  it("is admin-only: a member sees an empty list and 404 for one agent", async () => {
    expect(await get(demo, "/v2.0/agents")).toEqual({ agents: [] });
    const a = await dhcpOn(DHCP_HOSTS[0]);
    expect((await admin.call("network", `/v2.0/agents/${a.id}`)).status).toBe(200);
    expect((await demo.call("network", `/v2.0/agents/${a.id}`)).status).toBe(404);
  });
});

describe("neutron agent death after agent_down_time", () => {
  let admin: OsSession;
  const cleanup = new Cleanup();
  let fault: AgentFault | null = null;
  const get = async (path: string) => (await admin.call("network", path)).json();
  const dhcpOn = async (host: string): Promise<Agent> => (await get(`/v2.0/agents?agent_type=DHCP%20agent&host=${host}`)).agents[0];
  /** Polls one agent until it is dead, recording each distinct (alive, heartbeat) observed, in order. */
  const untilDead = (id: string) =>
    pollUntil(
      async () => {
        const a: Agent = (await get(`/v2.0/agents/${id}`)).agent;
        return { alive: a.alive, hb: a.heartbeat_timestamp };
      },
      (v) => !v.alive,
      AGENT_DEATH_MS,
      onSim ? 20 : 1000,
    );
  /** The agent this describe silences: the sim's cs1-opc-11 (it hosts cs1-yw-1); on real the last DHCP host, never
   * dhcp-host-1, which hosts the seeded zenith-net that other suites grade. */
  const HOST = onSim ? "cs1-opc-11" : target.real!.dhcpAgentHosts.at(-1)!;

  beforeAll(async () => {
    if (onSim) {
      await simControl("/reset", { scenario: "default" });
      // agent_down_time = 75 cloud seconds = 750 ms at this scale.
      await simControl("/time-scale", { scale: 0.01 });
    }
    admin = await login("admin");
  });
  afterAll(async () => {
    try {
      await fault?.revive();
    } finally {
      if (onSim) await simControl("/time-scale", { scale: Number(process.env.SIM_TIME_SCALE ?? 0.02) });
      await cleanup.run();
    }
  });

  it(
    "a silenced agent is alive at first, then dead, with its heartbeat frozen; the network it hosts lists it dead",
    async () => {
      const a = await dhcpOn(HOST);
      expect(a.alive).toBe(true);
      // The network it hosts: the sim's seeded cs1-yw-1; on real one of ours, hosted by it alone.
      let netId: string;
      if (onSim) netId = (await get("/v2.0/networks?name=cs1-yw-1")).networks[0].id;
      else {
        netId = (await makeNetwork(admin, cleanup, uniqueName("i-agent-death"), "10.63.41.0/24")).network.id;
        const add = await admin.call("network", `/v2.0/agents/${a.id}/dhcp-networks`, { method: "POST", json: { network_id: netId } });
        expect(add.status, await add.text()).toBe(201);
      }
      fault = await silenceDhcpAgent(HOST, async () => (await dhcpOn(HOST)).alive);
      if (onSim) expect((await get(`/v2.0/agents/${a.id}`)).agent).toMatchObject({ alive: true });
      // On real a report already on its way when the agent stopped may still land: read the heartbeat after that.
      else await new Promise((r) => setTimeout(r, 2000));
      const { seen } = await untilDead(a.id);
      // Order: alive (if observed at all) comes before dead, never after it, and the heartbeat never moves.
      const states = seen.map((v) => v.alive);
      expect([[true, false], [false]]).toContainEqual(states);
      expect(new Set(seen.map((v) => v.hb)).size).toBe(1);
      expect((await get(`/v2.0/agents/${a.id}`)).agent).toMatchObject({ alive: false, heartbeat_timestamp: seen[0].hb });
      expect((await get("/v2.0/agents?agent_type=DHCP%20agent&alive=false")).agents.map((x: { id: string }) => x.id)).toEqual([a.id]);
      // The network it hosts still lists it (dead), which is what the HA view must flag.
      expect((await get(`/v2.0/networks/${netId}/dhcp-agents`)).agents).toEqual([expect.objectContaining({ id: a.id, alive: false })]);
      if (onReal) {
        // Continued, it reports again and Neutron has it alive, with a later heartbeat.
        await fault.revive();
        fault = null;
        const back = await dhcpOn(HOST);
        expect(back.alive).toBe(true);
        expect(back.heartbeat_timestamp > seen[0].hb).toBe(true);
      }
    },
    onSim ? 30_000 : 300_000,
  );

  it.runIf(onSim)(
    "revive brings it back at once (not applicable on the real target: it tests the sim's own /_sim/agents control)",
    async () => {
      const a = await dhcpOn("cs1-opc-11");
      expect(a.alive).toBe(false);
      await simControl(`/agents/${a.id}/revive`);
      fault = null;
      expect((await get(`/v2.0/agents/${a.id}`)).agent.alive).toBe(true);
    },
  );

  it.runIf(onSim)("kill and revive by host (not applicable on the real target: it tests the sim's own /_sim/agents control)", async () => {
    const ctl = await simControl("/agents/kill", { host: "cs1-opc-12" });
    expect(ctl.agents).toHaveLength(1);
    expect(ctl.agents[0]).toMatchObject({ host: "cs1-opc-12", agent_type: "DHCP agent", alive: true });
    const { last } = await untilDead(ctl.agents[0].id);
    expect(last.alive).toBe(false);
    await simControl("/agents/revive", { host: "cs1-opc-12" });
    expect((await dhcpOn("cs1-opc-12")).alive).toBe(true);
  });
});
