import { onReal } from "../../../tests/target";
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { stringify, parse } from "yaml";
import { createAgent, testDeps } from "../../test/test-app";
import { createRolloutService } from "../../features/rollouts/service";
import { createRolloutStore } from "../../features/rollouts/store";
import { createDatabase } from "../../db/database";
import { readSse, startLab, type Lab } from "../../test/rollouts-lab";
import { PlanSchema, PoolsSchema, RunSchema } from "../../features/rollouts/schema";

// Target-independent: the lab is local (HAProxy + 3 nginx on 127.0.0.1:18620-18624); only the login uses the target.
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// It runs once, in the sim stage: on the real target it would drive the same local lab a second time and prove
// nothing more (the admin-only gate on a real Keystone login is proven by the auth suites on the real tier).
describe.skipIf(onReal)(
  "Admin → Rollouts on the local lab (not applicable on the real target: the lab is local HAProxy + nginx, the cloud is not involved beyond the login; runs once, in the sim stage)",
  () => {
    let lab: Lab;
    let configFile: string;
    let a: ReturnType<typeof createAgent>;
    const dataDir = mkdtempSync(join(tmpdir(), "zenith-rollouts-data-"));

    const writePools = (brokenInventory: string) => {
      const base = parse(readFileSync(lab.config("base"), "utf8")).pools[0];
      writeFileSync(
        configFile,
        stringify({
          pools: [base, { ...base, name: "lab-nodrain", drain: false }, { ...base, name: "lab-broken", inventory: brokenInventory }],
        }),
      );
    };

    beforeAll(async () => {
      lab = startLab(Number(process.env.ZENITH_TEST_LAB_PORT ?? 18620));
      configFile = join(lab.dir, "pools-test.yaml");
      const inv = readFileSync(join(lab.dir, "inventory.yml"), "utf8");
      // web2's update fails for real: nginx is pointed at a configuration file that does not exist
      writeFileSync(join(lab.dir, "inventory-broken.yml"), inv.replace(/(web2: \{.*nginx_conf: )[^,]+/, "$1/nonexistent/nginx-web2.conf"));
      writePools(join(lab.dir, "inventory-broken.yml"));
      a = createAgent(
        testDeps({ rollouts: { configFile, dataDir, playbookDir: resolve(__dirname, "../../../rollouts"), cancelGraceMs: 30_000 } }),
      );
      await a.login("admin");
    });
    afterAll(() => {
      lab?.stop();
    });
    // a test that stops a backend (or leaves one stopped by a failed update) must not break the next one
    afterEach(async () => {
      for (const h of ["web1", "web2", "web3"]) if (!lab.backendRunning(h)) lab.startBackend(h);
      await lab.waitStatus("UP UP UP");
    });

    const plan = async (pool: string, over: Record<string, unknown> = {}) => {
      const res = await a.post("/api/admin/rollouts", { pool, serial: "1", maxFailPercentage: 0, version: "v2", dryRun: true, ...over });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return PlanSchema.parse(res.body);
    };
    const start = async (pool: string, over: Record<string, unknown> = {}) => {
      const p = await plan(pool, over);
      const res = await a.post("/api/admin/rollouts", {
        pool,
        serial: "1",
        maxFailPercentage: 0,
        version: "v2",
        dryRun: false,
        planId: p.planId,
        ...over,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.id as string;
    };
    const get = async (id: string) => {
      const res = await a.get(`/api/admin/rollouts/${id}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return RunSchema.parse(res.body);
    };
    const finished = async (id: string, ms = 300_000) => {
      const end = Date.now() + ms;
      for (;;) {
        const r = await get(id);
        if (r.status !== "running") return r;
        if (Date.now() > end) throw new Error(`run ${id} still running after ${ms} ms`);
        await sleep(500);
      }
    };

    it("is admin only and validates the version against its pattern", async () => {
      const member = createAgent(a.deps);
      await member.login("demo");
      expect((await member.get("/api/admin/rollouts/pools")).status).toBe(403);
      expect((await createAgent(a.deps).get("/api/admin/rollouts")).status).toBe(401);
      const bad = await a.post("/api/admin/rollouts", { pool: "lab", serial: "1", version: "v2 {{ lookup('pipe','id') }}", dryRun: true });
      expect(bad.status).toBe(400);
      expect(bad.body.message).toMatch(/^version/);
      expect((await a.post("/api/admin/rollouts", { pool: "lab", serial: "0", version: "v2", dryRun: true })).status).toBe(400);
      expect((await a.post("/api/admin/rollouts", { pool: "nope", serial: "1", version: "v2", dryRun: true })).status).toBe(404);
      const pools = PoolsSchema.parse((await a.get("/api/admin/rollouts/pools")).body);
      expect(pools.config.state).toBe("ok");
      expect(pools.pools[0].backends.map((b) => b.status)).toEqual(["UP", "UP", "UP"]);
    });

    it("drains each backend through the health check: 0 failed requests, each backend DOWN then UP, in order", async () => {
      const id = await start("lab");
      const stale = await a.post("/api/admin/rollouts", {
        pool: "lab",
        serial: "1",
        maxFailPercentage: 0,
        version: "v2",
        dryRun: false,
        planId: "0000000000000000",
      });
      expect(stale.status).toBe(409);
      const r = await finished(id);
      console.log(`drained run: ${r.durationSeconds} s, ${r.served} served, ${r.failed} failed`);
      expect(r).toMatchObject({ status: "succeeded", stoppedBy: null, failed: 0, verdict: "zero_downtime" });
      expect(r.served).toBeGreaterThan(100);
      expect(r.hosts.map((h) => h.status)).toEqual(["ok", "ok", "ok"]);
      // each backend goes DOWN and comes back UP before the next one goes DOWN
      const downs = r.transitions.filter((t) => t.to === "DOWN").map((t) => t.host);
      expect(downs).toEqual(["web1", "web2", "web3"]);
      const seq = r.transitions.filter((t) => t.to === "DOWN" || (t.to === "UP" && t.from !== null)).map((t) => `${t.host}:${t.to}`);
      expect(seq).toEqual(["web1:DOWN", "web1:UP", "web2:DOWN", "web2:UP", "web3:DOWN", "web3:UP"]);
      expect(readFileSync(join(lab.dir, "www/web3/version.txt"), "utf8").trim()).toBe("v2 web3");

      // the SSE stream replays everything, and resumes after Last-Event-ID
      const all = await readSse(
        await a.app.request(`http://127.0.0.1:3000/api/admin/rollouts/${id}/events`, { headers: { cookie: a.cookie() } }),
      );
      expect(all.at(-1)!.event).toBe("end");
      expect(all.filter((e) => e.event === "lb" && e.data.to === "DOWN")).toHaveLength(3);
      const mid = all[Math.floor(all.length / 2)].id;
      const res = await a.app.request(`http://127.0.0.1:3000/api/admin/rollouts/${id}/events`, {
        headers: { cookie: a.cookie(), "Last-Event-ID": String(mid) },
      });
      expect(res.headers.get("cache-control")).toBe("no-cache, no-transform");
      const rest = await readSse(res);
      expect(rest[0].id).toBe(mid + 1);
      expect(rest.length).toBe(all.filter((e) => e.id > mid).length + 1);
      const list = (await a.get("/api/admin/rollouts")).body.runs;
      expect(list[0]).toMatchObject({ id, status: "succeeded", startedBy: "admin" });
    });

    it("the negative control (restart without draining) is reported with failed requests", async () => {
      await lab.waitStatus("UP UP UP");
      const r = await finished(await start("lab-nodrain", { version: "v3" }));
      console.log(`negative control: ${r.durationSeconds} s, ${r.served} served, ${r.failed} failed`);
      expect(r.status).toBe("succeeded");
      expect(r.failed).toBeGreaterThan(0);
      expect(r.verdict).toBe("requests_failed");
    });

    it("a host whose update fails stops the run per max_fail_percentage, with the host's error; retry runs only that host", async () => {
      await lab.waitStatus("UP UP UP");
      const r = await finished(await start("lab-broken", { version: "v4" }));
      expect(r).toMatchObject({ status: "stopped", stoppedBy: "max_fail_percentage" });
      expect(r.stopReason).toMatchObject({ code: "rollouts.stop.maxFail", params: { host: "web2", task: "Start the backend" } });
      const byHost = Object.fromEntries(r.hosts.map((h) => [h.host, h]));
      expect(byHost.web1.status).toBe("ok");
      expect(byHost.web2).toMatchObject({ status: "failed", failedTask: "Start the backend" });
      expect(byHost.web2.error).toMatch(/nonexistent\/nginx-web2\.conf/);
      expect(byHost.web3.status).toBe("not_run");
      expect(lab.healthFiles()).toEqual([true, true, true]); // the always section put web2's back
      // fix the inventory, then retry the failed host only
      writePools(join(lab.dir, "inventory.yml"));
      const retry = await a.post(`/api/admin/rollouts/${r.id}/retry`);
      expect(retry.status, JSON.stringify(retry.body)).toBe(200);
      const r2 = await finished(retry.body.id);
      expect(r2).toMatchObject({ status: "succeeded", retryOf: r.id, limitHosts: ["web2"], batches: [["web2"]] });
      expect(readFileSync(join(lab.dir, "www/web2/version.txt"), "utf8").trim()).toBe("v4 web2");
    });

    it("the capacity guard: one backend stopped by hand and minHealthy 2 stop the run before a second is drained", async () => {
      await lab.waitStatus("UP UP UP");
      lab.stopBackend("web3");
      try {
        await lab.waitStatus("UP UP DOWN");
        const p = await plan("lab", { version: "v5" });
        expect(p.guardStopsAt).toBe(1);
        expect(p.batches.map((b) => b.capacityLeft)).toEqual([1, 1, 2]);
        const r = await finished(await start("lab", { version: "v5" }));
        console.log(`capacity guard: ${r.status}/${r.stoppedBy} after ${r.durationSeconds} s: ${JSON.stringify(r.stopReason)}`);
        expect(r).toMatchObject({ status: "stopped", stoppedBy: "capacity_guard" });
        expect(r.stopReason).toMatchObject({
          code: "rollouts.stop.capacity",
          params: { batch: 1, up: 1, minHealthy: 2, notUp: "web3 DOWN" },
        });
        expect(r.transitions.filter((t) => t.from !== null && t.host !== "web3")).toEqual([]); // nobody else was drained
        expect(r.hosts[0]).toMatchObject({ host: "web1", status: "gated" });
        expect(lab.healthFiles()).toEqual([true, true, true]);
      } finally {
        lab.startBackend("web3");
      }
    });

    it("the capacity guard watches during a batch: a backend lost mid-run stops the run before the next drain", async () => {
      await lab.waitStatus("UP UP UP");
      const id = await start("lab", { version: "v8", serial: "50%" }); // 50% of 3 is 1 host per batch, as Ansible floors it
      await readSse(
        await a.app.request(`http://127.0.0.1:3000/api/admin/rollouts/${id}/events`, { headers: { cookie: a.cookie() } }),
        (e) => e.event === "lb" && e.data.host === "web1" && e.data.to === "DOWN",
      );
      lab.stopBackend("web3");
      const r = await finished(id);
      console.log(
        `capacity guard during a batch: ${r.status}/${r.stoppedBy} after ${r.durationSeconds} s: ${JSON.stringify(r.stopReason)}`,
      );
      expect(r).toMatchObject({ status: "stopped", stoppedBy: "capacity_guard", batches: [["web1"], ["web2"], ["web3"]] });
      expect(r.stopReason).toMatchObject({
        code: "rollouts.stop.capacityDuring",
        params: { batch: 1, notUp: expect.stringMatching(/web3 DOWN/) },
      });
      expect(r.hosts.map((h) => h.status)).toEqual(["ok", "gated", "not_run"]);
      expect(r.transitions.filter((t) => t.host === "web2" && t.from !== null)).toEqual([]); // web2 was never drained
      expect(lab.healthFiles()).toEqual([true, true, true]);
    });

    it("a cancel mid-run leaves every health file in place and the run cancelled", async () => {
      await lab.waitStatus("UP UP UP");
      const id = await start("lab", { version: "v6" });
      // wait until web1 is drained and its update is running
      await readSse(
        await a.app.request(`http://127.0.0.1:3000/api/admin/rollouts/${id}/events`, { headers: { cookie: a.cookie() } }),
        (e) => e.event === "ansible" && e.data.event === "runner_start" && e.data.task === "Deploy (write version.txt)",
      );
      const c = await a.post(`/api/admin/rollouts/${id}/cancel`);
      expect(c.status, JSON.stringify(c.body)).toBe(200);
      const r = await finished(id, 120_000);
      expect(r).toMatchObject({
        status: "cancelled",
        stoppedBy: "cancel",
        stopReason: { code: "rollouts.stop.cancel", params: { user: "admin" } },
      });
      expect(lab.healthFiles()).toEqual([true, true, true]);
      expect(r.transitions.filter((t) => t.to === "DOWN").map((t) => t.host)).toEqual(["web1"]);
      expect(r.hosts.find((h) => h.host === "web3")!.status).toBe("not_run");
      const audit = (await a.get("/api/admin/audit")).body.entries;
      expect(audit.find((e: any) => e.action === "rollouts.cancel" && e.target === `rollout ${id}`)).toMatchObject({ user: "admin" });
    });

    it("a restart of the app mid-run marks the run interrupted, and the orphaned Ansible stops at its next gate", async () => {
      const restartData = mkdtempSync(join(tmpdir(), "zenith-rollouts-restart-"));
      const child = spawn(
        "npx",
        [
          "tsx",
          resolve(__dirname, "../../test/rollouts-child.ts"),
          configFile,
          restartData,
          resolve(__dirname, "../../../rollouts"),
          "lab",
          "v7",
        ],
        { detached: true, stdio: ["ignore", "pipe", "inherit"] },
      );
      const id = await new Promise<string>((res, rej) => {
        let out = "";
        child.stdout!.on("data", (d) => {
          out += d;
          if (out.includes("\n")) res(out.trim());
        });
        child.on("exit", (c) => rej(new Error(`child exited ${c}`)));
      });
      // wait (reading the database directly, as nothing else may open the service yet) until web1 is drained
      const peekDb = createDatabase({ file: join(restartData, "zenith.sqlite") });
      const peek = createRolloutStore(peekDb);
      for (let i = 0; i < 600 && !(await peek.dataOf(id, "lb")).some((e: any) => e.host === "web1" && e.to === "DOWN"); i++)
        await sleep(200);
      const pid = (await peek.get(id))!.pid!;
      await peekDb.close();
      const killedAt = Date.now();
      process.kill(-child.pid!, "SIGKILL"); // the app dies; Ansible runs in its own process group and lives on
      const restarted = createRolloutService({ configFile, dataDir: restartData, playbookDir: resolve(__dirname, "../../../rollouts") });
      try {
        // the dead replica's lease (15 s) expires, and this one takes the run over
        expect((await restarted.get(id)).status).toBe("running");
        let r = await restarted.get(id);
        for (let i = 0; i < 200 && r.status === "running"; i++) {
          await sleep(200);
          r = await restarted.get(id);
        }
        expect(r).toMatchObject({ status: "interrupted", stopReason: { code: "rollouts.stop.interrupted" } });
        const failoverMs = Date.now() - killedAt;
        console.log(`takeover: interrupted ${(failoverMs / 1000).toFixed(1)} s after the owner was killed (lease 15 s)`);
        expect(failoverMs).toBeLessThan(30_000);
        expect((await restarted.list())[0]).toMatchObject({ id, status: "interrupted" });
        // and puts the run's health files back (restore.yml, rolling.yml's own restore tasks)
        let restore: any[] = [];
        for (let i = 0; i < 300 && !restore.length; i++) {
          restore = (await restarted.events(id, 0)).filter((e) => e.type === "restore");
          if (!restore.length) await sleep(200);
        }
        expect(restore[0].data).toMatchObject({ ok: true, hosts: ["web1", "web2", "web3"] });
        expect((await restarted.get(id)).restore).toMatchObject({ ok: true, hosts: ["web1", "web2", "web3"] });
        // the orphan finishes web1 (its always section and waits need no runner) and stops at web2's gate
        const alive = () => {
          try {
            process.kill(pid, 0);
            return true;
          } catch {
            return false;
          }
        };
        for (let i = 0; i < 900 && alive(); i++) await sleep(200);
        expect(alive()).toBe(false);
        expect(lab.healthFiles()).toEqual([true, true, true]);
        expect(readFileSync(join(lab.dir, "www/web3/version.txt"), "utf8")).not.toMatch(/^v7/);
        expect((await restarted.get(id)).status).toBe("interrupted");
      } finally {
        await restarted.close();
      }
    });
  },
);
