import { onReal, target } from "../../../tests/target";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createAgent, testDeps } from "../../test/test-app";
import { PoolsSchema, RunSchema } from "../../features/rollouts/schema";
import { holdFaultLock } from "../../../tests/faults";

// The real tier's own pool (scripts/real-cloud/rollouts.sh): Keystone as two uwsgi instances behind HAProxy, the
// frontend being the tier's auth URL. A rolling restart through the BFF, with logins through the BFF all along.
// The restart drains each Keystone backend of the shared tier, so it runs under the fault lock (tests/faults.ts), as
// every test that takes a shared service out does: never beside a fault test's outage of Keystone.
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const MAX_LOGINS = 2000; // the login loop is bounded by count as well as by the run's end

describe.runIf(onReal)("Admin → Rollouts: the keystone pool of the real tier", () => {
  const ks = target.real?.rollouts?.keystone as
    | { frontendUrl: string; statsUrl: string; hosts: string[]; healthFiles: string[] }
    | undefined;
  const configFile = target.real?.rollouts?.config as string | undefined;

  it("rolls a restart through both keystones, draining each: 0 failed logins through Zenith, each backend DOWN then UP in order", async () => {
    expect(configFile, "endpoints.json has rollouts.config (real-cloud.sh up, or real-cloud.sh keystone-pool)").toBeTruthy();
    expect(ks, "endpoints.json has rollouts.keystone").toBeTruthy();
    // Zenith's auth URL is the pool's HAProxy frontend, so every login below goes through the pool
    expect(target.authUrl).toBe(ks!.frontendUrl);
    const deps = testDeps({
      rollouts: {
        configFile: configFile!,
        dataDir: mkdtempSync(join(tmpdir(), "zenith-ksp-c-")),
        playbookDir: resolve(__dirname, "../../../rollouts"),
      },
    });
    const a = createAgent(deps);
    const release = await holdFaultLock();
    try {
      await a.login("admin");

      const pools = PoolsSchema.parse((await a.get("/api/admin/rollouts/pools")).body);
      const pool = pools.pools.find((p) => p.name === "keystone");
      expect(pool?.backends.map((b) => `${b.host}:${b.status}`)).toEqual(["keystone-1:UP", "keystone-2:UP"]);

      const body = { pool: "keystone", serial: "1", maxFailPercentage: 0, version: `ks-c-${Date.now()}` };
      const plan = await a.post("/api/admin/rollouts", { ...body, dryRun: true });
      expect(plan.status, JSON.stringify(plan.body)).toBe(200);
      expect(
        plan.body.batches.map(
          (b: { hosts: { host: string }[]; allowed: boolean }) => `${b.hosts.map((h) => h.host).join(",")}:${b.allowed}`,
        ),
      ).toEqual(["keystone-1:true", "keystone-2:true"]);
      const started = await a.post("/api/admin/rollouts", { ...body, dryRun: false, planId: plan.body.planId });
      expect(started.status, JSON.stringify(started.body)).toBe(200);
      const id = started.body.id as string;

      // Logins through the BFF (POST /api/auth/login → Keystone through the pool's frontend), two loops at a time,
      // until the run ends; each login is a new browser (no cookie).
      let running = true;
      const logins = { ok: 0, failed: 0, errors: [] as string[] };
      const u = target.users.admin;
      const loop = async () => {
        while (running && logins.ok + logins.failed < MAX_LOGINS) {
          try {
            const res = await createAgent(deps).post("/api/auth/login", { username: u.username, password: u.password });
            if (res.status === 200) logins.ok++;
            else {
              logins.failed++;
              logins.errors.push(`${res.status} ${JSON.stringify(res.body)}`);
            }
          } catch (e) {
            logins.failed++;
            logins.errors.push(String(e));
          }
        }
      };
      const loops = [loop(), loop()];
      let r = RunSchema.parse((await a.get(`/api/admin/rollouts/${id}`)).body);
      try {
        for (let i = 0; i < 1200 && r.status === "running"; i++) {
          await sleep(500);
          r = RunSchema.parse((await a.get(`/api/admin/rollouts/${id}`)).body);
        }
      } finally {
        running = false;
        await Promise.all(loops);
      }
      console.log(
        `keystone pool rollout: ${r.status} in ${r.durationSeconds} s; logins through Zenith: ${logins.ok} ok, ${logins.failed} failed; probe GET /v3: ${r.served} served, ${r.failed} failed`,
      );

      expect(r).toMatchObject({ status: "succeeded", stoppedBy: null });
      expect(r.hosts.map((h) => `${h.host}:${h.status}`)).toEqual(["keystone-1:ok", "keystone-2:ok"]);
      expect(logins.errors).toEqual([]);
      expect(logins.failed).toBe(0);
      expect(logins.ok).toBeGreaterThan(0);
      expect(r).toMatchObject({ failed: 0, verdict: "zero_downtime" });
      // each backend goes DOWN and comes back UP before the next one goes DOWN
      const seq = r.transitions.filter((t) => t.to === "DOWN" || (t.to === "UP" && t.from !== null)).map((t) => `${t.host}:${t.to}`);
      expect(seq).toEqual(["keystone-1:DOWN", "keystone-1:UP", "keystone-2:DOWN", "keystone-2:UP"]);
      expect(ks!.healthFiles.map((f) => existsSync(f))).toEqual([true, true]);
      const after = PoolsSchema.parse((await a.get("/api/admin/rollouts/pools")).body).pools.find((p) => p.name === "keystone");
      expect(after?.backends.map((b) => b.status)).toEqual(["UP", "UP"]);
      // HAProxy's two interfaces agree afterwards: the CSV stats page says what the runtime socket said
      const csv = await (await fetch(ks!.statsUrl)).text();
      const header = csv.split("\n")[0].replace(/^# /, "").split(",");
      const rows = csv
        .split("\n")
        .slice(1)
        .map((l) => l.split(","))
        .filter((c) => c[0] === "keystone" && ks!.hosts.includes(c[1]));
      expect(rows.map((c) => `${c[1]}:${c[header.indexOf("status")]}`)).toEqual(["keystone-1:UP", "keystone-2:UP"]);
    } finally {
      await release();
    }
  }, 900_000);
});
