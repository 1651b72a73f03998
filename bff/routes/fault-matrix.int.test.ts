import { nanoid } from "nanoid";
import { login, type OsSession } from "../../sim/test/os-session";
import { onSim, simControl, target } from "../../tests/target";
import type { ServiceName } from "../openstack/services";
import { SERVICES } from "../openstack/services";
import { createAgent, testDeps } from "../test/test-app";
import { deleteQuietly, waitFor, sleep } from "../test/instance-helpers";
import { cell, probesFromOpenApi, reportsFault, send, touches, writeMatrix, type Answer, type Probe } from "../test/fault-matrix";

/**
 * The fault matrix on the embedded cloud: each service in turn refuses (drops the connection), answers 500, answers
 * 503 with Retry-After, hangs past the timeout, or is slow; every BFF route that touches it (found by sending each
 * route of the OpenAPI document on a healthy cloud) must answer 502/504 naming the service, with the service's
 * request id when it sent one; the routes that don't touch it keep answering; clearing the fault is enough to
 * recover. The table goes to .data/test-results/fault-matrix.md.
 */
const FAULTS = ["down", "500", "503", "hang", "slow"] as const;
type FaultName = (typeof FAULTS)[number];
const SIM_NAME: Record<ServiceName, string> = {
  identity: "identity",
  compute: "compute",
  image: "image",
  volume: "volume",
  network: "networking",
  ceph: "ceph",
};
const TIMEOUT_MS = 800;
const SLOW_MS = 150;
const COOL_DOWN_MS = 500;
const NOVA = { "OpenStack-API-Version": "compute 2.67", "X-OpenStack-Nova-API-Version": "2.67" };
/** Proxied GETs (the proxy is not in the OpenAPI document): one per proxied service. */
const PROXY: Probe[] = [
  { label: "GET /api/openstack/compute/flavors", method: "GET", path: "/api/openstack/compute/flavors" },
  { label: "GET /api/openstack/image/images", method: "GET", path: "/api/openstack/image/images" },
  { label: "GET /api/openstack/volume/types", method: "GET", path: "/api/openstack/volume/types" },
  { label: "GET /api/openstack/network/networks", method: "GET", path: "/api/openstack/network/networks" },
];
describe.skipIf(!onSim)(
  onSim
    ? "fault matrix (sim)"
    : "fault matrix: not applicable on the real target: it drives the sim's /_sim/fault controls (the real tier's outages are in fault-real.int.test.ts)",
  () => {
    const settings = () =>
      testDeps({
        tokenCacheMs: 0, // every request validates its token with Keystone, so Keystone's faults show on every route
        upstreamTimeoutMs: TIMEOUT_MS,
        breaker: { failures: 0, coolDownMs: COOL_DOWN_MS }, // off for the walk: each cell shows the fault itself (the breaker has its own test)
        loginLimits: { perUser: { max: 1e6, windowMs: 60_000 }, perAddress: { max: 1e6, windowMs: 60_000 } },
      });
    const a = createAgent(settings());
    /** Each request on a new app with the session's cookie: no cache of an earlier request hides an upstream call. */
    const fresh = () => {
      const b = createAgent(settings());
      b.setCookie(a.cookie());
      return b;
    };
    let admin: OsSession;
    let serverId = "";
    let probes: Probe[] = [];
    let skipped: string[] = [];
    let touched = new Map<string, { services: Set<ServiceName>; status: number }>();

    beforeAll(async () => {
      await simControl("/reset", { scenario: "default" });
      admin = await login("admin");
      const flavors = (await (await admin.call("compute", "/flavors/detail", { headers: NOVA })).json()).flavors as {
        id: string;
        name: string;
      }[];
      const image = (await (await admin.call("image", "/v2/images?name=centos-7-raw")).json()).images[0].id as string;
      const res = await admin.call("compute", "/servers", {
        method: "POST",
        headers: NOVA,
        json: {
          server: {
            name: `zenith-d-fault-${nanoid(5)}`,
            imageRef: image,
            flavorRef: flavors.find((f) => f.name === "m1.small")!.id,
            networks: "none",
          },
        },
      });
      serverId = (await res.json()).server.id;
      await waitFor(admin, serverId, (st) => st === "ACTIVE");
      await a.login("admin", "admin");
      const u = target.users.admin;
      ({ probes, skipped } = probesFromOpenApi(
        { id: serverId, serverId },
        {
          "POST /api/auth/login": { username: u.username, password: u.password, project: "admin" },
          "POST /api/boot/plan": { source: { type: "image", id: image }, createVolume: true },
          "POST /api/admin/dhcp/heal": { dryRun: true },
        },
      ));
      probes.push(...PROXY);
      touched = await touches(fresh, probes);
    });
    afterAll(async () => {
      await fetch(`${target.simUrl}/_sim/fault`, { method: "DELETE" });
      if (serverId) await deleteQuietly(admin, serverId);
    });

    /** Checks one cell; answers its text for the table. */
    const expectFault = (service: ServiceName, fault: FaultName, p: Probe, x: Answer): string => {
      const what = `${p.label} under ${service} ${fault}: ${JSON.stringify(x.body).slice(0, 400)}`;
      if (fault === "slow") {
        expect(x.status, what).toBe(touched.get(p.label)!.status);
        return cell(x);
      }
      if (reportsFault(p.label, x, service)) return `${cell(x)} (reports it)`;
      // A list that can do without the service (names for ids) answers and names it in `unavailable`.
      if (x.status === 200 && x.body?.unavailable?.some((u: { service: string }) => u.service === service))
        return `${cell(x)} (unavailable: ${service})`;
      const want = fault === "hang" ? 504 : 502;
      expect([x.status, x.service], what).toEqual([want, service]);
      expect(x.requestId).toMatch(/^req-/);
      // The service's own request id when it answered (the Ceph Dashboard's is a bare UUID, in its error body only).
      if (fault === "500" || fault === "503")
        expect(x.upstreamRequestId, what).toMatch(service === "ceph" ? /^[0-9a-f-]{36}$/ : /^req-[0-9a-f-]{36}$/);
      if (fault === "503" && service !== "ceph") expect(x.retryAfter, `${what}: Retry-After`).toBe("5");
      return cell(x);
    };

    const rows: { service: string; route: string; cells: Record<string, string>; recovered: string }[] = [];
    afterAll(() => {
      if (!rows.length) return;
      writeMatrix(
        ".data/test-results/fault-matrix.md",
        `Fault matrix (${target.name})`,
        `Each service in turn: \`down\` (the connection is dropped), \`500\`, \`503\` (Retry-After: 5), \`hang\` (past the ${TIMEOUT_MS} ms timeout) and \`slow\` (+${SLOW_MS} ms), ` +
          `through the sim's /_sim/fault. Rows: every route of the OpenAPI document that touched the service on a healthy cloud (Keystone: every ` +
          `session route, tokens not cached), and one proxied GET per service. \`+req-id\`: the envelope carries the service's own request id. ` +
          `Routes that do not touch the failing service answered as on a healthy cloud during \`down\` and \`hang\`.`,
        [...FAULTS],
        rows,
        [`Not sent: ${skipped.join("; ")}.`],
      );
    });

    it.each(SERVICES)(
      "every route touching %s answers 502/504 naming it under each fault; the rest keep answering; clearing the fault recovers",
      async (service) => {
        const mine = probes.filter((p) => touched.get(p.label)!.services.has(service));
        const others = probes.filter((p) => !touched.get(p.label)!.services.has(service));
        expect(mine.length, `routes touching ${service}`).toBeGreaterThan(0);
        const cells = new Map(mine.map((p) => [p.label, {} as Record<string, string>]));
        try {
          for (const fault of FAULTS) {
            await simControl("/fault", { service: SIM_NAME[service], mode: fault, delayMs: SLOW_MS });
            for (const p of mine) {
              // The Ceph Dashboard's own breaker pauses it after one failed connection (ceph-mgr may be dying): each cell
              // waits out that pause, so it shows the fault's answer (the pause has its own test: lineage-ceph-safety).
              if (service === "ceph") await sleep(COOL_DOWN_MS + 100);
              cells.get(p.label)![fault] = expectFault(service, fault, p, await send(fresh(), p));
            }
            if (fault === "down" || fault === "hang") {
              for (const p of others) {
                const x = await send(fresh(), p);
                expect(x.status, `${p.label} while ${service} is ${fault}: ${JSON.stringify(x.body).slice(0, 300)}`).toBe(
                  touched.get(p.label)!.status,
                );
              }
            }
            await fetch(`${target.simUrl}/_sim/fault?service=${SIM_NAME[service]}`, { method: "DELETE" });
          }
        } finally {
          await fetch(`${target.simUrl}/_sim/fault?service=${SIM_NAME[service]}`, { method: "DELETE" });
        }
        // Recovery without a restart, once the fault is cleared: the same app throughout (Ceph's own pause lasts the
        // 500 ms cool-down).
        for (const p of mine) {
          let x = await send(a, p);
          for (let i = 0; i < 20 && x.status !== touched.get(p.label)!.status; i++) {
            await sleep(100);
            x = await send(a, p);
          }
          expect(x.status, `${p.label} after ${service} recovered`).toBe(touched.get(p.label)!.status);
          rows.push({ service, route: p.label, cells: cells.get(p.label)!, recovered: String(x.status) });
        }
      },
      300_000,
    );
  },
);
