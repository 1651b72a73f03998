import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { createAuditLog } from "../audit/audit-log";
import { createDatabase, type DatabaseConfig } from "./database";
import { ENGINES, freshDatabase } from "./test-databases";

const run = promisify(execFile);
const child = resolve(__dirname, "../test/db-replica.ts");

/** Two replica processes doing `a` and `b`, started together once both have loaded. */
async function twoProcesses(config: DatabaseConfig, a: string[], b: string[]) {
  const startAt = String(Date.now() + 4000);
  const go = (args: string[]) =>
    run("npx", ["tsx", child, JSON.stringify(config), startAt, ...args], { timeout: 60_000 }).then((r) => JSON.parse(r.stdout.trim()));
  return Promise.all([go(a), go(b)]);
}

describe.each(ENGINES)("two replica processes on one %s database", (engine) => {
  it("migrate at the same start: both come up, the schema is made once", async () => {
    const config = await freshDatabase(engine);
    const [a, b] = await twoProcesses(config, ["migrate"], ["migrate"]);
    expect(a).toEqual({ ok: true });
    expect(b).toEqual({ ok: true });
    const db = createDatabase(config);
    try {
      const done = await (await db.get()).selectNoFrom((e) => e.val(1).as("x")).execute();
      expect(done).toHaveLength(1);
      const migrations = await (await db.get()).introspection.getTables();
      expect(migrations.map((t) => t.name)).toEqual(expect.arrayContaining(["audit", "rollout_runs", "rollout_leases", "plan_locks"]));
    } finally {
      await db.close();
    }
  }, 90_000);

  it("two executions of overlapping plans, one per replica, at once: one runs, the other gets 409 plan_running", async () => {
    const config = await freshDatabase(engine);
    await createDatabase(config).ping(); // migrated before, so both race for the lock and nothing else
    const [a, b] = await twoProcesses(config, ["lock", "a", "vms/1,vms/2,vms/a", "1500"], ["lock", "b", "vms/b,vms/2", "1500"]);
    expect([a.won, b.won].sort()).toEqual([false, true]);
    expect([a, b].find((x) => !x.won)).toMatchObject({ status: 409, code: "plan_running" });
  }, 90_000);

  it("the audit log written by two replicas at once is complete", async () => {
    const config = await freshDatabase(engine);
    await createDatabase(config).ping();
    const [a, b] = await twoProcesses(config, ["audit", "alice", "60"], ["audit", "bob", "60"]);
    expect([a.ok, b.ok]).toEqual([true, true]);
    const db = createDatabase(config);
    try {
      const entries = (await createAuditLog(db).list({ limit: 500 })).entries;
      expect(entries).toHaveLength(120);
      expect(entries.every((e) => e.result === "ok")).toBe(true);
      for (const who of ["alice", "bob"])
        expect(
          entries
            .filter((e) => e.user === who)
            .map((e) => e.step)
            .sort(),
        ).toEqual(Array.from({ length: 60 }, (_, i) => `${who} step ${i}`).sort());
    } finally {
      await db.close();
    }
  }, 90_000);
});
