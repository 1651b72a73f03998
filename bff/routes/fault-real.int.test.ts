import { spawn } from "node:child_process";
import { once } from "node:events";
import { onReal } from "../../tests/target";
import type { ServiceName } from "../openstack/services";
import { createAgent, testDeps } from "../test/test-app";
import { sleep } from "../test/instance-helpers";
import { cell, probesFromOpenApi, send, touches, writeMatrix, type Probe } from "../test/fault-matrix";

/**
 * The fault matrix on the real tier: one real process at a time is stopped (SIGSTOP of its process group: it hangs)
 * or refused (an iptables reset on its port: as if it were gone), under `flock /tmp/zenith-real-fault.lock`, each
 * outage bounded (scripts/real-cloud/outage.sh restores it after 25 s at most). The routes that touch the service
 * must answer 504/502 naming it, the others keep answering, and once the process runs again the same app recovers.
 */
const LOCK = "/tmp/zenith-real-fault.lock";
const TIMEOUT_MS = 2000;
const TARGETS: { process: string; port: number; service: ServiceName }[] = [
  { process: "glance-api", port: 9292, service: "image" },
  { process: "neutron-server", port: 9696, service: "network" },
  { process: "cinder-api", port: 8776, service: "volume" },
];
const MODES = [
  { mode: "stop", status: 504, label: "process stopped (hangs)" },
  { mode: "refuse", status: 502, label: "connection refused" },
] as const;
/** At most this many routes per outage, so each stays well under the 25 s bound. */
const MAX_ROUTES = 5;
const PROXY: Record<string, Probe> = {
  image: { label: "GET /api/openstack/image/images", method: "GET", path: "/api/openstack/image/images" },
  network: { label: "GET /api/openstack/network/networks", method: "GET", path: "/api/openstack/network/networks" },
  volume: { label: "GET /api/openstack/volume/types", method: "GET", path: "/api/openstack/volume/types" },
};

/** Starts an outage under the lock; resolves once it is in place, with the function that ends it. */
async function outage(process_: string, port: number, mode: string): Promise<() => Promise<void>> {
  const child = spawn("flock", [LOCK, "bash", "scripts/real-cloud/outage.sh", process_, String(port), mode], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  let out = "";
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (d) => {
      out += String(d);
      if (out.includes("out")) resolve();
    });
    child.on("exit", (code) => reject(new Error(`outage.sh ${process_} ${mode} exited ${code} before the outage`)));
  });
  return async () => {
    child.stdin.end();
    if (child.exitCode === null) await once(child, "exit");
  };
}

describe.skipIf(!onReal)(
  onReal
    ? "fault matrix (real: stopped processes)"
    : "fault matrix with stopped processes: not applicable on the sim target: the sim's faults are in fault-matrix.int.test.ts",
  () => {
    const settings = (service?: ServiceName) =>
      testDeps({ breaker: { failures: 0, coolDownMs: 1000 }, ...(service ? { upstreamTimeouts: { [service]: TIMEOUT_MS } } : {}) });
    const a = createAgent(settings());
    let probes: Probe[] = [];
    let touched = new Map<string, { services: Set<ServiceName>; status: number }>();
    const rows: { service: string; route: string; cells: Record<string, string>; recovered: string }[] = [];

    beforeAll(async () => {
      await a.login("demo");
      // GETs only (no plan, no admin probes with their own timeouts), one proxied GET per service.
      probes = probesFromOpenApi({}, {}).probes.filter(
        (p) => !["GET /api/admin/services", "GET /api/readyz", "GET /api/metrics"].includes(p.label),
      );
      probes.push(...Object.values(PROXY));
      const fresh = () => {
        const b = createAgent(settings());
        b.setCookie(a.cookie());
        return b;
      };
      touched = await touches(fresh, probes);
    }, 300_000);
    afterAll(() => {
      if (!rows.length) return;
      writeMatrix(
        ".data/test-results/fault-matrix-real.md",
        "Fault matrix (real tier: stopped processes)",
        `Debian's OpenStack Zed on 127.0.0.1. \`stop\`: the service's process group gets SIGSTOP (it hangs past the ${TIMEOUT_MS} ms timeout); ` +
          `\`refuse\`: an iptables reset on its port (as if the process were gone). Up to ${MAX_ROUTES} GET routes that touch the service, signed in as demo.`,
        MODES.map((m) => m.mode),
        rows,
        [],
      );
    });

    it.each(TARGETS)(
      "$process: its routes answer 504 (stopped) / 502 (refused) naming $service; others keep answering; it recovers",
      async ({ process: proc, port, service }) => {
        const mine = probes
          .filter((p) => touched.get(p.label)?.services.has(service) && touched.get(p.label)!.status === 200)
          .slice(0, MAX_ROUTES);
        const other = probes.find(
          (p) =>
            !touched.get(p.label)!.services.has(service) && touched.get(p.label)!.status === 200 && p.path.startsWith("/api/openstack/"),
        );
        expect(mine.length).toBeGreaterThan(0);
        const cells = new Map(mine.map((p) => [p.label, {} as Record<string, string>]));
        for (const m of MODES) {
          const b = createAgent(settings(service));
          b.setCookie(a.cookie());
          const end = await outage(proc, port, m.mode);
          try {
            for (const p of mine) {
              const x = await send(b, p);
              cells.get(p.label)![m.mode] = cell(x) + (x.status === 200 && x.body?.unavailable?.length ? ` (unavailable: ${service})` : "");
              if (x.status === 200)
                expect(x.body.unavailable, `${p.label} under ${proc} ${m.mode}`).toEqual([expect.objectContaining({ service })]);
              else
                expect([x.status, x.service], `${p.label} under ${proc} ${m.mode}: ${JSON.stringify(x.body).slice(0, 300)}`).toEqual([
                  m.status,
                  service,
                ]);
            }
            if (other) expect((await send(b, other)).status, `${other.label} while ${proc} is out`).toBe(200);
          } finally {
            await end();
          }
          // Healthy again (the same app): every route answers as before, within 30 s.
          for (const p of mine) {
            let x = await send(b, p);
            for (let i = 0; i < 60 && x.status !== 200; i++) {
              await sleep(500);
              x = await send(b, p);
            }
            expect(x.status, `${p.label} after ${proc} is back`).toBe(200);
          }
        }
        for (const p of mine) rows.push({ service: `${service} (${proc})`, route: p.label, cells: cells.get(p.label)!, recovered: "200" });
      },
      300_000,
    );
  },
);
