/**
 * Shared state across replicas: the audit log, rollout runs and their leases, and the plan locks live in one
 * database (ZENITH_DATABASE_URL, PostgreSQL here: bff/db). Each test is written against the API, through the
 * replicas' own ports; with per-replica state (each its own ZENITH_DATA_DIR) every one of them fails.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import { rbdFixture } from "../../bff/test/rbd-fixture";
import { stableUuid } from "../../sim/scenarios/network";
import { simControl } from "../target";
import { Browser, harness, scaleOut } from "./client";

const PARENT = `images/${stableUuid("image", "centos-7-raw")}@snap`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  let last = await read();
  while (!ok(last)) {
    if (Date.now() > end) throw new Error(`${what}: not within ${ms} ms; last ${JSON.stringify(last).slice(0, 300)}`);
    await sleep(250);
    last = await read();
  }
  return last;
}

describe("scale-out: shared state across replicas", () => {
  const env = scaleOut();
  const admin = async (base: string) => {
    const b = new Browser();
    await b.login(base, "admin");
    return b;
  };
  const startRollout = async (b: Browser, base: string) => {
    const plan = await b.post(base, "/api/admin/rollouts", { pool: "lab", serial: "1", version: `v${Date.now()}`, dryRun: true });
    expect(plan.status, JSON.stringify(plan.body)).toBe(200);
    const run = await b.post(base, "/api/admin/rollouts", {
      pool: "lab",
      serial: "1",
      version: plan.body.version,
      dryRun: false,
      planId: plan.body.planId,
    });
    expect(run.status, JSON.stringify(run.body)).toBe(200);
    return run.body.id as string;
  };

  it(`the audit log written through A and through B is complete when read through either`, async () => {
    const rbd = rbdFixture();
    try {
      const orphans = [`vms/${randomUUID()}_disk`, `vms/${randomUUID()}_disk`];
      for (const o of orphans) await rbd.clone(PARENT, o);
      for (const [base, orphan] of [
        [env.a, orphans[0]],
        [env.b, orphans[1]],
      ] as const) {
        const b = await admin(base);
        await b.get(base, "/api/admin/lineage/forest?refresh=true");
        const dry = await b.post(base, "/api/admin/lineage/cleanup", { orphans: [orphan], dryRun: true });
        expect(dry.status, JSON.stringify(dry.body)).toBe(200);
        const run = await b.post(base, "/api/admin/lineage/cleanup", { orphans: [orphan], dryRun: false, planId: dry.body.planId });
        expect(run.body.ok, JSON.stringify(run.body)).toBe(true);
      }
      for (const base of [env.a, env.b]) {
        const b = await admin(base);
        const log = await b.get(base, "/api/admin/audit?action=lineage.cleanup&limit=200");
        const targets = new Set(
          (log.body.entries as { target: string; result: string }[]).filter((e) => e.result === "ok").map((e) => e.target),
        );
        expect(
          [...orphans].filter((o) => !targets.has(o)),
          `read through ${base}`,
        ).toEqual([]);
      }
    } finally {
      await rbd.cleanup();
    }
  });

  it(`a rollout started on A is watched live from B`, async () => {
    const a = await admin(env.a);
    const id = await startRollout(a, env.a);
    const b = await admin(env.b);
    const seen = await until(
      "B sees the run running",
      () => b.get(env.b, `/api/admin/rollouts/${id}`),
      (r) => r.status === 200 && r.body.status === "running",
    );
    expect(seen.body.pool).toBe("lab");
    const done = await until(
      "B sees the run finish",
      () => b.get(env.b, `/api/admin/rollouts/${id}`),
      (r) => r.body.status !== "running",
      120_000,
    );
    const { stoppedBy, stopReason, error, hosts } = done.body;
    expect(done.body, JSON.stringify({ stoppedBy, stopReason, error, hosts })).toMatchObject({
      status: "succeeded",
      verdict: "zero_downtime",
    });
  });

  it(`killing A mid-run: B marks the run interrupted once the lease expires, and restores the health files`, async () => {
    const a = await admin(env.a);
    const id = await startRollout(a, env.a);
    const b = await admin(env.b);
    await until(
      "a host drained",
      () => b.get(env.b, `/api/admin/rollouts/${id}`),
      (r) => r.body.transitions?.some((t: { to: string }) => t.to.startsWith("DOWN")),
    );
    await harness("kill", "a");
    const killed = Date.now();
    try {
      const run = await until(
        "interrupted on B",
        () => b.get(env.b, `/api/admin/rollouts/${id}`),
        (r) => r.body.status === "interrupted",
        120_000,
      );
      const interruptedAt = Date.now();
      expect(run.body.stopReason).toMatchObject({ code: "rollouts.stop.interrupted" });
      // B marks the run first, then puts the health files back with the playbook's restore tasks (an Ansible run).
      const restored = await until(
        "the health files put back by B",
        () => b.get(env.b, `/api/admin/rollouts/${id}`),
        (r) => r.body.restore !== null,
        120_000,
      );
      expect(restored.body.restore, restored.body.restore?.log).toMatchObject({ ok: true });
      console.log(
        `failover: A killed → interrupted on B ${(interruptedAt - killed) / 1000} s, health files back ${(Date.now() - killed) / 1000} s`,
      );
      for (const web of ["web1", "web2", "web3"]) expect(existsSync(join(env.lab, "www", web, "health.html")), web).toBe(true);
      const pools = await until(
        "the lab's backends UP again",
        () => b.get(env.b, "/api/admin/rollouts/pools"),
        (r) => r.body.pools[0].backends.every((x: { status: string }) => x.status === "UP"),
      );
      expect(pools.status).toBe(200);
    } finally {
      await harness("start", "a");
    }
  });

  it(`two concurrent executions of overlapping lineage plans on A and B: one runs, the other is 409`, async () => {
    const rbd = rbdFixture();
    try {
      const orphan = `vms/${randomUUID()}_disk`;
      await rbd.clone(PARENT, orphan);
      await rbd.snap(orphan, "zt-so-s1", true);
      const plans = await Promise.all(
        [env.a, env.b].map(async (base) => {
          const b = await admin(base);
          await b.get(base, "/api/admin/lineage/forest?refresh=true");
          const dry = await b.post(base, "/api/admin/lineage/cleanup", { orphans: [orphan], dryRun: true });
          expect(dry.status, JSON.stringify(dry.body)).toBe(200);
          return { b, base, planId: dry.body.planId as string };
        }),
      );
      // The sim's Ceph Dashboard answers the first step (unprotect, a PUT) 2 s late: the first execution holds its images while the second arrives.
      await simControl("/fault", { service: "ceph", mode: "slow", delayMs: 2000, method: "PUT" });
      const execute = (p: (typeof plans)[number]) =>
        p.b.post(p.base, "/api/admin/lineage/cleanup", { orphans: [orphan], dryRun: false, planId: p.planId });
      const runs = await Promise.all([execute(plans[0]), sleep(300).then(() => execute(plans[1]))]);
      const statuses = runs.map((r) => r.status).sort();
      expect(statuses, JSON.stringify(runs.map((r) => r.body))).toEqual([200, 409]);
      expect(runs.find((r) => r.status === 409)!.body.code).toBe("plan_running");
    } finally {
      await fetch(`${env.sim}/_sim/fault?service=ceph`, { method: "DELETE" });
      await rbd.cleanup();
    }
  });
});
