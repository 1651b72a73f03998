/**
 * The scale scenario (2,000 networks, 100 DHCP agents) and persistence across a restart, each on a sim of
 * its own (temporary SQLite file), so the shared test sim is left alone.
 */
import { afterAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { onSim } from "../../../tests/target";
import { startSim, type RunningSim } from "../../index";

const dir = mkdtempSync(join(tmpdir(), "zenith-neutron-scale-"));
const start = (scenario?: string) => startSim({ port: 0, scenario, config: { dbPath: join(dir, "sim.sqlite"), controls: true, timeScale: 0.01 } });

async function adminToken(sim: RunningSim): Promise<string> {
  const res = await fetch(`${sim.url}/identity/v3/auth/tokens`, {
    method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ auth: { identity: { methods: ["password"], password: { user: { name: "admin", domain: { name: "Default" }, password: sim.state.config.adminPassword } } }, scope: { project: { name: "admin", domain: { name: "Default" } } } } }),
  });
  return res.headers.get("x-subject-token")!;
}

describe.runIf(onSim)("neutron at scale, and across a restart", () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("seeds 2,000 networks and 100 DHCP agents in one transaction, and lists them", async () => {
    const t0 = performance.now();
    const sim = await start("scale");
    const seedMs = performance.now() - t0;
    try {
      const token = await adminToken(sim);
      const get = async (path: string) => (await fetch(`${sim.url}/networking${path}`, { headers: { "X-Auth-Token": token } })).json();
      const t1 = performance.now();
      const nets = (await get("/v2.0/networks?fields=id&fields=name")).networks;
      const listMs = performance.now() - t1;
      expect(nets).toHaveLength(2000);
      const agents = (await get("/v2.0/agents?agent_type=DHCP%20agent")).agents;
      // Network i: none if i % 50 == 49, else two agents if i % 3 == 0, else one.
      let expectedBindings = 0;
      for (let i = 0; i < 2000; i++) expectedBindings += i % 50 === 49 ? 0 : i % 3 === 0 ? 2 : 1;
      expect(agents).toHaveLength(100);
      expect(agents.filter((a: { alive: boolean }) => !a.alive)).toHaveLength(2);
      expect(agents.reduce((n: number, a: { configurations: { networks: number } }) => n + a.configurations.networks, 0)).toBe(expectedBindings);
      const page = await get("/v2.0/networks?limit=100");
      expect(page.networks).toHaveLength(100);
      console.log(`scale scenario: seeded in ${Math.round(seedMs)} ms, 2,000 networks listed in ${Math.round(listMs)} ms`);
      expect(seedMs).toBeLessThan(30_000);
    } finally {
      await sim.close();
    }
  });

  it("keeps networks, bindings and a killed agent across a restart", async () => {
    let sim = await start("default");
    let agentId: string, netId: string;
    try {
      const token = await adminToken(sim);
      const h = { "X-Auth-Token": token, "Content-Type": "application/json" };
      const res = await fetch(`${sim.url}/networking/v2.0/networks`, { method: "POST", headers: h, body: JSON.stringify({ network: { name: "persist-net" } }) });
      netId = (await res.json()).network.id;
      agentId = (await (await fetch(`${sim.url}/networking/v2.0/agents?host=cs1-opc-2&agent_type=DHCP%20agent`, { headers: h })).json()).agents[0].id;
      expect((await fetch(`${sim.url}/networking/v2.0/agents/${agentId}/dhcp-networks`, { method: "POST", headers: h, body: JSON.stringify({ network_id: netId }) })).status).toBe(201);
      expect((await fetch(`${sim.url}/_sim/agents/${agentId}/kill`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" })).status).toBe(200);
    } finally {
      await sim.close();
    }
    sim = await start();
    try {
      await new Promise((r) => setTimeout(r, 900));
      const h = { "X-Auth-Token": await adminToken(sim) };
      const agents = (await (await fetch(`${sim.url}/networking/v2.0/networks/${netId}/dhcp-agents`, { headers: h })).json()).agents;
      expect(agents.map((a: { id: string; alive: boolean }) => [a.id, a.alive])).toEqual([[agentId, false]]);
    } finally {
      await sim.close();
    }
  });
});
