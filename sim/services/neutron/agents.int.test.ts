/** Agents: admin-only listing, Neutron's filters, and death agent_down_time (75 s, scaled) after a kill. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { onSim, simControl } from "../../../tests/target";
import { login, type OsSession } from "../../test/os-session";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.runIf(onSim)("neutron agents", () => {
  let admin: OsSession, demo: OsSession;
  const get = async (s: OsSession, path: string) => (await s.call("network", path)).json();
  const dhcpOn = async (host: string) => (await get(admin, `/v2.0/agents?agent_type=DHCP%20agent&host=${host}`)).agents[0];

  beforeAll(async () => {
    await simControl("/reset", { scenario: "default" });
    // agent_down_time = 75 cloud seconds = 750 ms at this scale.
    await simControl("/time-scale", { scale: 0.01 });
    [admin, demo] = await Promise.all([login("admin"), login("demo")]);
  });
  afterAll(async () => {
    await simControl("/time-scale", { scale: Number(process.env.SIM_TIME_SCALE ?? 0.02) });
  });

  it("18 DHCP agents and 18 Linux bridge agents, one of each per compute host", async () => {
    const all = (await get(admin, "/v2.0/agents")).agents;
    expect(all.filter((a: { agent_type: string }) => a.agent_type === "DHCP agent")).toHaveLength(18);
    expect(all.filter((a: { agent_type: string }) => a.agent_type === "Linux bridge agent")).toHaveLength(18);
    const hosts = new Set(all.map((a: { host: string }) => a.host));
    expect([...hosts].sort()).toEqual(Array.from({ length: 18 }, (_, i) => `cs1-opc-${i + 1}`).sort());
    const dhcp = all.find((a: { agent_type: string }) => a.agent_type === "DHCP agent");
    expect(dhcp).toMatchObject({ binary: "neutron-dhcp-agent", topic: "dhcp_agent", alive: true, admin_state_up: true, availability_zone: "nova" });
    expect(dhcp.heartbeat_timestamp).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  });

  it("?fields= and ?alive= filter like Neutron; an unknown filter is a 400", async () => {
    const body = await get(admin, "/v2.0/agents?agent_type=DHCP%20agent&fields=id&fields=host&alive=true");
    expect(body.agents).toHaveLength(18);
    expect(Object.keys(body.agents[0]).sort()).toEqual(["host", "id"]);
    const res = await admin.call("network", "/v2.0/agents?colour=red");
    expect(res.status).toBe(400);
    expect((await res.json()).NeutronError).toEqual({ type: "HTTPBadRequest", message: "['colour'] is invalid attribute for filtering", detail: "" });
  });

  it("is admin-only: a member sees an empty list and 404 for one agent", async () => {
    expect(await get(demo, "/v2.0/agents")).toEqual({ agents: [] });
    const a = await dhcpOn("cs1-opc-1");
    expect((await demo.call("network", `/v2.0/agents/${a.id}`)).status).toBe(404);
  });

  it("a killed agent stays alive until agent_down_time has passed, with its heartbeat frozen", async () => {
    const a = await dhcpOn("cs1-opc-11");
    const ctl = await simControl(`/agents/${a.id}/kill`);
    expect(ctl.agents[0]).toMatchObject({ id: a.id, alive: true, agentDownTimeMs: 750 });
    const right = (await get(admin, `/v2.0/agents/${a.id}`)).agent;
    expect(right.alive).toBe(true);
    await sleep(1200);
    const later = (await get(admin, `/v2.0/agents/${a.id}`)).agent;
    expect(later.alive).toBe(false);
    expect(later.heartbeat_timestamp).toBe(right.heartbeat_timestamp);
    expect((await get(admin, "/v2.0/agents?agent_type=DHCP%20agent&alive=false")).agents.map((x: { id: string }) => x.id)).toEqual([a.id]);
    // The network it hosts still lists it (dead), which is what the HA view must flag.
    const net = (await get(admin, "/v2.0/networks?name=cs1-yw-1")).networks[0];
    expect((await get(admin, `/v2.0/networks/${net.id}/dhcp-agents`)).agents[0]).toMatchObject({ id: a.id, alive: false });
  });

  it("revive brings it back at once", async () => {
    const a = await dhcpOn("cs1-opc-11");
    await simControl(`/agents/${a.id}/revive`);
    expect((await get(admin, `/v2.0/agents/${a.id}`)).agent.alive).toBe(true);
  });

  it("kill and revive by host", async () => {
    const ctl = await simControl("/agents/kill", { host: "cs1-opc-12" });
    expect(ctl.agents).toHaveLength(1);
    expect(ctl.agents[0]).toMatchObject({ host: "cs1-opc-12", agent_type: "DHCP agent" });
    await sleep(1000);
    expect((await dhcpOn("cs1-opc-12")).alive).toBe(false);
    await simControl("/agents/revive", { host: "cs1-opc-12" });
    expect((await dhcpOn("cs1-opc-12")).alive).toBe(true);
  });
});
