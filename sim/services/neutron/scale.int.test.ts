/**
 * The scale scenario (2,000 networks, 100 DHCP agents) and persistence across a restart, each on a sim of
 * its own (temporary SQLite file), so the shared test sim is left alone. Sim only: both are about the sim's
 * own scenario and database. Nothing here is timed: the scale checks compare counts across three API views.
 */
import { afterAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { onSim } from "../../../tests/target";
import { startSim, type RunningSim } from "../../index";
import { pollUntil } from "../../test/storage-helpers";

const dir = mkdtempSync(join(tmpdir(), "zenith-neutron-scale-"));
const start = (scenario?: string) =>
  startSim({ port: 0, scenario, config: { dbPath: join(dir, "sim.sqlite"), controls: true, timeScale: 0.01 } });

async function adminToken(sim: RunningSim): Promise<string> {
  const res = await fetch(`${sim.url}/identity/v3/auth/tokens`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      auth: {
        identity: {
          methods: ["password"],
          password: { user: { name: "admin", domain: { name: "Default" }, password: sim.state.config.adminPassword } },
        },
        scope: { project: { name: "admin", domain: { name: "Default" } } },
      },
    }),
  });
  return res.headers.get("x-subject-token")!;
}

describe.runIf(onSim)(
  "neutron at scale, and across a restart (not applicable on the real target: it tests the sim's own scale scenario and database)",
  () => {
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it("seeds 2,000 networks and 100 DHCP agents, and the agents', bindings' and ports' views of them agree", async () => {
      const sim = await start("scale");
      try {
        const token = await adminToken(sim);
        const get = async (path: string) => (await fetch(`${sim.url}/networking${path}`, { headers: { "X-Auth-Token": token } })).json();
        const nets = (await get("/v2.0/networks?fields=id&fields=name")).networks as { id: string }[];
        expect(nets).toHaveLength(2000);
        const agents = (await get("/v2.0/agents?agent_type=DHCP%20agent")).agents as {
          id: string;
          alive: boolean;
          configurations: { networks: number };
        }[];
        expect(agents).toHaveLength(100);
        expect(agents.filter((a) => !a.alive)).toHaveLength(2);
        // Three views of the same bindings must agree: each agent's reported count, its dhcp-networks list, and the DHCP ports.
        const pairs: [string, string][] = [];
        for (const a of agents) {
          const hosted = (await get(`/v2.0/agents/${a.id}/dhcp-networks?fields=id`)).networks as { id: string }[];
          expect(hosted.length, a.id).toBe(a.configurations.networks);
          for (const n of hosted) pairs.push([a.id, n.id]);
        }
        const dhcpPorts = (await get("/v2.0/ports?device_owner=network:dhcp&fields=id")).ports;
        expect(dhcpPorts).toHaveLength(pairs.length);
        // The scenario has what the HA view must tell apart: unhosted networks, singly and doubly hosted ones.
        const perNet = new Map<string, number>();
        for (const [, n] of pairs) perNet.set(n, (perNet.get(n) ?? 0) + 1);
        const counts = [...perNet.values()];
        expect(perNet.size).toBeLessThan(nets.length);
        expect(counts.filter((k) => k === 1).length).toBeGreaterThan(0);
        expect(counts.filter((k) => k === 2).length).toBeGreaterThan(0);
        expect(Math.max(...counts)).toBe(2);
        const page = await get("/v2.0/networks?limit=100");
        expect(page.networks).toHaveLength(100);
        expect(page.networks_links.map((l: { rel: string }) => l.rel)).toEqual(["next"]);
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
        const res = await fetch(`${sim.url}/networking/v2.0/networks`, {
          method: "POST",
          headers: h,
          body: JSON.stringify({ network: { name: "persist-net" } }),
        });
        netId = (await res.json()).network.id;
        agentId = (await (await fetch(`${sim.url}/networking/v2.0/agents?host=cs1-opc-2&agent_type=DHCP%20agent`, { headers: h })).json())
          .agents[0].id;
        expect(
          (
            await fetch(`${sim.url}/networking/v2.0/agents/${agentId}/dhcp-networks`, {
              method: "POST",
              headers: h,
              body: JSON.stringify({ network_id: netId }),
            })
          ).status,
        ).toBe(201);
        expect(
          (
            await fetch(`${sim.url}/_sim/agents/${agentId}/kill`, {
              method: "POST",
              headers: { "content-type": "application/json" },
              body: "{}",
            })
          ).status,
        ).toBe(200);
      } finally {
        await sim.close();
      }
      sim = await start();
      try {
        const h = { "X-Auth-Token": await adminToken(sim) };
        const hosting = async () =>
          (
            (await (await fetch(`${sim.url}/networking/v2.0/networks/${netId}/dhcp-agents`, { headers: h })).json()).agents as {
              id: string;
              alive: boolean;
            }[]
          ).map((a) => [a.id, a.alive]);
        // The binding survived, and the agent killed before the restart dies after agent_down_time, never revived.
        const { seen, last } = await pollUntil(hosting, (v) => v.length === 1 && v[0][1] === false, 30_000, 20);
        expect(last).toEqual([[agentId, false]]);
        expect([[[[agentId, true]], [[agentId, false]]], [[[agentId, false]]]]).toContainEqual(seen);
      } finally {
        await sim.close();
      }
    });
  },
);
