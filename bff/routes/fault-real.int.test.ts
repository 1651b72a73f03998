import { readFileSync } from "node:fs";
import { join } from "node:path";
import { keystoneBackends, realOutage, untilBackends, type KeystonePool } from "../../tests/faults";
import { onReal, target } from "../../tests/target";
import type { ServiceName } from "../openstack/services";
import { createAgent, testDeps } from "../test/test-app";
import { sleep } from "../test/instance-helpers";
import { cell, probesFromOpenApi, reportsFault, send, touches, writeMatrix, type Answer, type Probe } from "../test/fault-matrix";

/**
 * The fault matrix on the real tier: one real process at a time is stopped (SIGSTOP of its process group: it hangs)
 * or refused (an iptables reset on its port: as if it were gone), under `flock /tmp/zenith-real-fault.lock`, each
 * outage as short as one request and bounded (scripts/real-cloud/outage.sh restores it after 25 s at most, and
 * `restore` checks nothing is left stopped). The routes that touch the service must answer 504/502 naming it (or report it, as by design), the others
 * keep answering, and once the process runs again the same app recovers. A stopped or refused process never answers,
 * so no cell carries the service's request id (that is the sim matrix's 500/503, fault-matrix.int.test.ts).
 */
const TIMEOUT_MS = 2000;
const COOL_DOWN_MS = 1000;
/** `slow`: the process is stopped this long while the requests are in flight, then continued; their timeout is SLOW_TIMEOUT_MS. */
const SLOW_MS = 600;
const SLOW_TIMEOUT_MS = 15_000;
type Who = "demo" | "admin";
const TARGETS: { process: string; port: number; service: ServiceName; as: Who }[] = [
  { process: "glance-api", port: 9292, service: "image", as: "demo" },
  { process: "neutron-server", port: 9696, service: "network", as: "demo" },
  { process: "cinder-api", port: 8776, service: "volume", as: "demo" },
  // nova-api: uwsgi (master and worker in one process group) serving the compute endpoint on 8774
  { process: "nova-api", port: 8774, service: "compute", as: "demo" },
  // The Ceph Dashboard is a module of ceph-mgr (scripts/real-cloud/ceph.sh): `stop` hangs the whole mgr (briefly: the
  // mon waits mon_mgr_beacon_grace, 30 s, before it calls it gone), `refuse` only its port. Its routes are admin's.
  { process: "ceph-mgr", port: 18480, service: "ceph", as: "admin" },
];
const MODES = [
  { mode: "stop", status: 504, label: "process stopped (hangs)" },
  { mode: "refuse", status: 502, label: "connection refused" },
] as const;
/** At most this many routes per service (each cell its own outage). */
const MAX_ROUTES = 5;
const PROXY: Record<string, Probe> = {
  compute: { label: "GET /api/openstack/compute/flavors", method: "GET", path: "/api/openstack/compute/flavors" },
  image: { label: "GET /api/openstack/image/images", method: "GET", path: "/api/openstack/image/images" },
  network: { label: "GET /api/openstack/network/networks", method: "GET", path: "/api/openstack/network/networks" },
  volume: { label: "GET /api/openstack/volume/types", method: "GET", path: "/api/openstack/volume/types" },
};
/** Admin's own probes with their own timeouts, and the process's own endpoints: not part of the matrix. */
const NOT_PROBED = ["GET /api/admin/services", "GET /api/readyz", "GET /api/metrics"];

type Row = { service: string; route: string; cells: Record<string, string>; recovered: string };
type Touched = Map<string, { services: Set<ServiceName>; status: number }>;

describe.skipIf(!onReal)(
  onReal
    ? "fault matrix (real: stopped processes)"
    : "fault matrix with stopped processes: not applicable on the sim target: the sim's faults are in fault-matrix.int.test.ts",
  () => {
    const settings = (service?: ServiceName, timeoutMs = TIMEOUT_MS) =>
      testDeps({
        breaker: { failures: 0, coolDownMs: COOL_DOWN_MS },
        loginLimits: { perUser: { max: 1e6, windowMs: 60_000 }, perAddress: { max: 1e6, windowMs: 60_000 } },
        ...(service ? { upstreamTimeouts: { [service]: timeoutMs } } : {}),
      });
    const agents = { demo: createAgent(settings()), admin: createAgent(settings()) };
    const probes: Record<Who, Probe[]> = { demo: [], admin: [] };
    const touched: Record<Who, Touched> = { demo: new Map(), admin: new Map() };
    const rows: Row[] = [];
    const as = (who: Who, service?: ServiceName, timeoutMs?: number) => {
      const b = createAgent(settings(service, timeoutMs));
      b.setCookie(agents[who].cookie());
      return b;
    };

    beforeAll(async () => {
      for (const who of ["demo", "admin"] as const) {
        await agents[who].login(who);
        // GETs only (no plan), one proxied GET per service.
        probes[who] = probesFromOpenApi({}, {}).probes.filter((p) => !NOT_PROBED.includes(p.label));
        probes[who].push(...Object.values(PROXY));
        touched[who] = await touches(() => as(who), probes[who]);
      }
    }, 300_000);
    afterAll(() => {
      if (!rows.length) return;
      writeMatrix(
        ".data/test-results/fault-matrix-real.md",
        "Fault matrix (real tier: stopped processes)",
        `Debian's OpenStack Zed and Ceph 16 on 127.0.0.1. \`stop\`: the service's process group gets SIGSTOP (it hangs past the ${TIMEOUT_MS} ms timeout); ` +
          `\`refuse\`: an iptables reset on its port (as if the process were gone), one outage per cell; \`slow\`: stopped for ${SLOW_MS} ms while the requests are in flight, ` +
          `then continued (timeout ${SLOW_TIMEOUT_MS} ms; the cell gives the answer and its time). Up to ${MAX_ROUTES} GET routes that touch the service, signed in as ` +
          "demo (Ceph: as admin, whose Lineage reads it). A stopped or refused process sends no answer, so no cell has its request id. " +
          "Keystone: one instance of the pool behind Zenith's auth URL (HAProxy, `retries 0`), logins through Zenith until HAProxy marks it DOWN and after.",
        [...MODES.map((m) => m.mode), "slow"],
        rows,
        [],
      );
    });

    /** The routes (of `who`) that touched `service` on the healthy cloud and answered 200, and one that did not touch it. */
    const routesOf = (who: Who, service: ServiceName) => ({
      mine: probes[who]
        .filter((p) => touched[who].get(p.label)?.services.has(service) && touched[who].get(p.label)!.status === 200)
        .slice(0, MAX_ROUTES),
      other: probes[who].find(
        (p) =>
          !touched[who].get(p.label)!.services.has(service) &&
          touched[who].get(p.label)!.status === 200 &&
          p.path.startsWith("/api/openstack/"),
      ),
    });

    /** Whether a 200 still names the service as failing (reported by design, or listed unavailable). */
    const names = (p: Probe, x: Answer, service: ServiceName) =>
      reportsFault(p.label, x, service) || Boolean(x.body?.unavailable?.some((u: { service: string }) => u.service === service));

    /** One cell: the fault's status naming the service, or a 200 that reports it (a list without names, a verdict "unknown"). */
    const expectCell = (service: ServiceName, status: number, p: Probe, x: Answer, what: string): string => {
      if (reportsFault(p.label, x, service)) return `${cell(x)} (reports it)`;
      if (x.status === 200 && x.body?.unavailable?.some((u: { service: string }) => u.service === service))
        return `${cell(x)} (unavailable: ${service})`;
      expect([x.status, x.service], `${what}: ${JSON.stringify(x.body).slice(0, 300)}`).toEqual([status, service]);
      expect(x.requestId, what).toMatch(/^req-/);
      return cell(x);
    };

    // No outage here: what the matrix below relies on, checked on the healthy cloud.
    it.each(TARGETS)(
      "on a healthy cloud, routes of $as touch $service without reporting it, and a proxied route does not touch it",
      async ({ service, as: who }) => {
        const { mine, other } = routesOf(who, service);
        console.log(`${service} as ${who}: ${mine.map((p) => p.label).join(", ")}; other: ${other?.label}`);
        expect(mine.length, `routes touching ${service}`).toBeGreaterThan(0);
        expect(other, `a proxied route not touching ${service}`).toBeDefined();
        for (const p of mine) expect(names(p, await send(as(who), p), service), `${p.label} names ${service}`).toBe(false);
      },
      120_000,
    );

    it.each(TARGETS)(
      "$process: its routes answer 504 (stopped) / 502 (refused) naming $service, 200 when only slow; others keep answering; it recovers",
      async ({ process: proc, port, service, as: who }) => {
        const { mine, other } = routesOf(who, service);
        expect(mine.length).toBeGreaterThan(0);
        const cells = new Map(mine.map((p) => [p.label, {} as Record<string, string>]));
        for (const m of MODES) {
          // A new app per fault (its caches, e.g. the boot options and the shared lineage, hold nothing yet); the same
          // app afterwards shows recovery without a restart.
          const b = as(who, service);
          // One outage per route, as short as one request: under load a route can take long enough that a single
          // outage for all of them would outlast outage.sh's 25 s bound. The last one also checks a route that does
          // not touch the service.
          for (const [i, p] of mine.entries()) {
            // The Ceph Dashboard's own breaker pauses it after one failed connection: each cell waits out the pause.
            if (service === "ceph") await sleep(COOL_DOWN_MS + 100);
            const end = await realOutage(proc, port, m.mode);
            try {
              cells.get(p.label)![m.mode] = expectCell(service, m.status, p, await send(b, p), `${p.label} under ${proc} ${m.mode}`);
              if (other && i === mine.length - 1) expect((await send(b, other)).status, `${other.label} while ${proc} is out`).toBe(200);
            } finally {
              await end();
            }
          }
          // Healthy again (the same app): every route answers as before, within 30 s.
          for (const p of mine) {
            let x = await send(b, p);
            for (let i = 0; i < 60 && (x.status !== 200 || names(p, x, service)); i++) {
              await sleep(500);
              x = await send(b, p);
            }
            expect(x.status, `${p.label} after ${proc} is back`).toBe(200);
            expect(names(p, x, service), `${p.label} still names ${service} after ${proc} is back`).toBe(false);
          }
        }
        // slow: the process stops for SLOW_MS with every route's request in flight, then runs again; each answers as on a
        // healthy cloud, late (a timeout longer than the pause).
        const slow = as(who, service, SLOW_TIMEOUT_MS);
        const end = await realOutage(proc, port, "stop");
        const started = performance.now();
        const pending = mine.map((p) => send(slow, p).then((x) => ({ p, x, ms: Math.round(performance.now() - started) })));
        try {
          await sleep(SLOW_MS);
        } finally {
          await end();
        }
        for (const { p, x, ms } of await Promise.all(pending)) {
          expect(x.status, `${p.label} under ${proc} slow: ${JSON.stringify(x.body).slice(0, 300)}`).toBe(200);
          expect(names(p, x, service), `${p.label} names ${service} when it is only slow`).toBe(false);
          cells.get(p.label)!.slow = `${cell(x)} (${ms} ms)`;
        }
        for (const p of mine) rows.push({ service: `${service} (${proc})`, route: p.label, cells: cells.get(p.label)!, recovered: "200" });
      },
      300_000,
    );

    // One Keystone instance of the pool behind Zenith's auth URL (HAProxy: health check every 1 s, `timeout check 5s`,
    // fall 2, `retries 0`). Until HAProxy marks it DOWN, a login it gets hangs (stop) or is refused (refuse): the BFF
    // answers that login 504/502 naming identity; once it is DOWN every login goes to the other instance and succeeds.
    it("a stopped or refused Keystone instance behind the pool: logins name identity until HAProxy marks it DOWN, then all succeed; it comes back UP", async () => {
      const ks = target.real!.rollouts?.keystone as (KeystonePool & { dir: string }) | undefined;
      expect(ks, "endpoints.json has rollouts.keystone").toBeTruthy();
      expect(target.authUrl).toBe(ks!.frontendUrl);
      const host = ks!.hosts[0];
      const port = Number(/http-socket\s*=\s*127\.0\.0\.1:(\d+)/.exec(readFileSync(join(ks!.dir, `${host}.ini`), "utf8"))![1]);
      const u = target.users.demo;
      // each login a new browser (no cookie), on an app whose Keystone timeout is TIMEOUT_MS
      const login = () =>
        send(createAgent(settings("identity")), {
          label: "POST /api/auth/login",
          method: "POST",
          path: "/api/auth/login",
          json: { username: u.username, password: u.password },
        });
      const cells: Record<string, string> = { slow: "—" };
      for (const m of MODES) {
        await untilBackends(ks!, "UP");
        const seen = new Map<string, number>();
        const end = await realOutage(host, port, m.mode);
        try {
          const until = Date.now() + 20_000;
          while ((await keystoneBackends(ks!))[host] !== "DOWN") {
            expect(Date.now(), `HAProxy marks ${host} DOWN within 20 s`).toBeLessThan(until);
            const x = await login();
            if (x.status !== 200)
              expect([x.status, x.service], `a login while ${host} is ${m.mode}: ${JSON.stringify(x.body)}`).toEqual([
                m.status,
                "identity",
              ]);
            seen.set(cell(x), (seen.get(cell(x)) ?? 0) + 1);
          }
          for (let i = 0; i < 4; i++) {
            const x = await login();
            expect(x.status, `a login once ${host} is DOWN: ${JSON.stringify(x.body)}`).toBe(200);
          }
        } finally {
          await end();
        }
        await untilBackends(ks!, "UP");
        cells[m.mode] = `before DOWN: ${[...seen].map(([k, n]) => `${n}× ${k}`).join(", ") || "none sent"}; after: 4× 200`;
      }
      expect((await login()).status).toBe(200);
      rows.push({ service: `identity (${host} of the keystone pool)`, route: "POST /api/auth/login", cells, recovered: "200" });
    }, 300_000);
  },
);
