import { nanoid } from "nanoid";
import { login, type OsSession } from "../../sim/test/os-session";
import { onSim, simControl, target } from "../../tests/target";
import { createAgent, testDeps } from "../test/test-app";
import { bootNetwork, demoImages, fittingFlavor } from "../test/boot-helpers";
import { deleteQuietly, sleep } from "../test/instance-helpers";

const NOVA = { "OpenStack-API-Version": "compute 2.67", "X-OpenStack-Nova-API-Version": "2.67" };
const simRequests = async () =>
  (await (await fetch(`${target.simUrl}/_sim/requests`)).json()) as {
    byService: Record<string, number>;
    byRequest: Record<string, number>;
  };
const resetRequests = () => fetch(`${target.simUrl}/_sim/requests`, { method: "DELETE" });
const clearFaults = () => fetch(`${target.simUrl}/_sim/fault`, { method: "DELETE" });

/**
 * Non-idempotent requests under a flaky Nova, and the circuit breaker, on the embedded cloud (its /_sim controls
 * fail Nova after it has acted, and count the requests each service answered).
 */
describe.skipIf(!onSim)(
  onSim
    ? "resilience (sim)"
    : "resilience: not applicable on the real target: it drives the sim's /_sim/fault controls (the real tier's outages are in fault-real.int.test.ts)",
  () => {
    let demo: OsSession;
    const created: string[] = [];
    beforeAll(async () => {
      demo = await login("demo");
    });
    afterEach(clearFaults);
    afterAll(async () => {
      for (const id of created) await deleteQuietly(demo, id);
    });

    /** The servers of the project with exactly this name, straight from Nova. */
    async function serversNamed(name: string): Promise<string[]> {
      const res = await demo.call("compute", `/servers?name=${encodeURIComponent(`^${name}$`)}`, { headers: NOVA });
      return ((await res.json()).servers as { id: string }[]).map((s) => s.id);
    }

    it.each([
      ["500 after Nova created the server", { mode: "500" }, 502, "upstream_error"],
      ["a hang past the timeout after Nova created the server", { mode: "hang" }, 504, "upstream_timeout"],
    ] as const)("booting under a flaky Nova (%s) creates exactly one server and answers naming Nova", async (_, fault, status, code) => {
      const a = createAgent(testDeps({ upstreamTimeouts: { compute: 1500 } }));
      await a.login("demo");
      const images = await demoImages(a);
      const name = `zenith-d-flaky-${nanoid(6)}`;
      const choices = {
        source: { type: "image", id: images.raw },
        createVolume: false,
        flavorId: await fittingFlavor(a, images.raw),
        networkIds: [await bootNetwork(a)],
        securityGroups: ["default"],
        count: 1,
        name,
      };
      await resetRequests();
      await simControl("/fault", { service: "compute", ...fault, method: "POST", path: "^/v2\\.1/servers$", phase: "after", count: 1 });
      const boot = await a.post("/api/boot", choices);
      expect([boot.status, boot.body.code, boot.body.service], JSON.stringify(boot.body)).toEqual([status, code, "compute"]);
      if (status === 502) expect(boot.body.upstreamRequestId).toMatch(/^req-/);
      const ids = await serversNamed(name);
      created.push(...ids);
      expect(ids).toHaveLength(1); // the one POST Nova took; the BFF did not send it again
      expect((await simRequests()).byRequest["compute POST /v2.1/servers"]).toBe(1);
    });

    it("the breaker opens after N consecutive failures, answers 503 with Retry-After without calling the service, and closes after the cool-down", async () => {
      const a = createAgent(testDeps({ breaker: { failures: 3, coolDownMs: 1000 }, metricsToken: "zenith-d-metrics" }));
      const metrics = async () => (await a.get("/api/metrics", { headers: { authorization: "Bearer zenith-d-metrics" } })).body as string;
      await a.login("demo");
      expect((await a.get("/api/volumes")).status).toBe(200);
      await simControl("/fault", { service: "volume", mode: "500" });
      for (let i = 0; i < 3; i++) expect((await a.get("/api/volumes")).body).toMatchObject({ code: "upstream_error", service: "volume" });
      await resetRequests();
      const open = await a.get("/api/volumes");
      expect([open.status, open.body.code, open.body.service]).toEqual([503, "upstream_circuit_open", "volume"]);
      expect(Number(open.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect((await simRequests()).byService.volume ?? 0).toBe(0); // answered without calling Cinder
      // The other services are not affected.
      expect((await a.get("/api/networks")).status).toBe(200);
      // Metrics show the open breaker.
      expect(await metrics()).toMatch(/zenith_upstream_circuit_open\{service="volume",origin="http:\/\/127\.0\.0\.1:\d+"\} 1/);
      // Recovery without a restart: the fault cleared, the cool-down over, one trial call closes the breaker.
      await clearFaults();
      let res = await a.get("/api/volumes");
      for (let i = 0; i < 30 && res.status !== 200; i++) {
        await sleep(100);
        res = await a.get("/api/volumes");
      }
      expect(res.status).toBe(200);
      expect(await metrics()).toMatch(/zenith_upstream_circuit_open\{service="volume",origin="[^"]+"\} 0/);
    });
  },
);
