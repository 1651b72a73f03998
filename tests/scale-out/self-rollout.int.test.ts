/**
 * Rolling Zenith itself with the rollouts feature: the harness's pools zenith-a and zenith-b hold one replica each
 * (scripts/scale-out/harness.sh write_pools). A run started on A rolls B (drain through B's ready file, so readyz
 * answers 503; HAProxy DOWN; restart; UP), then a run started on B rolls A, while polling clients count every request
 * through HAProxy. A replica never rolls itself: the run would end with it (leases come with the data layer).
 */
import { Browser, pollWhile, scaleOut } from "./client";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("scale-out: rolling Zenith itself with the rollouts feature", () => {
  const env = scaleOut();

  async function rollOther(runner: string, pool: string) {
    const admin = new Browser();
    await admin.login(runner, "admin");
    const version = `v${Date.now()}`;
    const plan = await admin.post(runner, "/api/admin/rollouts", { pool, serial: "1", version, dryRun: true });
    expect(plan.status, JSON.stringify(plan.body)).toBe(200);
    const started = await admin.post(runner, "/api/admin/rollouts", {
      pool,
      serial: "1",
      version,
      dryRun: false,
      planId: plan.body.planId,
    });
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    const end = Date.now() + 150_000;
    for (;;) {
      const run = await admin.get(runner, `/api/admin/rollouts/${started.body.id}`);
      if (run.body.status !== "running") return run.body;
      if (Date.now() > end) throw new Error(`rollout ${started.body.id} still running: ${JSON.stringify(run.body).slice(0, 400)}`);
      await sleep(500);
    }
  }

  it("a run on A rolls B, then a run on B rolls A: both succeed, and polling clients through HAProxy lose no request", async () => {
    const pollers = Array.from({ length: 4 }, () => new Browser());
    for (const p of pollers) await p.login(env.lb, "demo");
    const runs: Record<string, unknown>[] = [];
    const rolling = (async () => {
      runs.push(await rollOther(env.a, "zenith-b"));
      runs.push(await rollOther(env.b, "zenith-a"));
    })();
    const count = await pollWhile(pollers, env.lb, "/api/instances", rolling);
    const summary = runs.map((r) => ({
      pool: r.pool,
      status: r.status,
      verdict: r.verdict,
      served: r.served,
      failed: r.failed,
      s: r.durationSeconds,
    }));
    console.log(`rollouts of Zenith itself: ${count.requests} requests, ${count.failures} failed; runs ${JSON.stringify(summary)}`);
    for (const r of runs)
      expect(r, JSON.stringify(r).slice(0, 800)).toMatchObject({ status: "succeeded", verdict: "zero_downtime", failed: 0 });
    expect(runs.map((r) => (r.transitions as { to: string }[]).map((t) => t.to.split(" ")[0]))).toEqual([
      expect.arrayContaining(["DOWN", "UP"]),
      expect.arrayContaining(["DOWN", "UP"]),
    ]);
    expect(count.requests).toBeGreaterThan(50);
    expect(count.failures, count.samples.join("\n")).toBe(0);
  });
});
