import type { ZenithDatabase } from "../db/database";
import { ENGINES, twoReplicas } from "../db/test-databases";
import { createLocks, createPlanBook, PLAN_TTL_MS } from "./plans";

describe.each(ENGINES)("plans and locks on %s", (engine) => {
  const open: ZenithDatabase[] = [];
  /** Two replicas: two data layers on one database. */
  const two = () => twoReplicas(engine, open);
  afterEach(async () => {
    await Promise.all(open.splice(0).map((d) => d.close()));
  });

  it("binds a plan to the user who made it, on any replica, and forgets it after 10 minutes", async () => {
    let t = 1_000_000;
    const [a, b] = await two();
    const book = createPlanBook(a, () => t),
      other = createPlanBook(b, () => t);
    await book.made("lineage.cleanup", "p1", "alice");
    await expect(other.check("lineage.cleanup", "p1", "alice")).resolves.toBeUndefined();
    await expect(other.check("lineage.cleanup", "p1", "bob")).rejects.toMatchObject({ status: 403, code: "plan_not_yours" });
    await expect(other.check("dhcp.heal", "p1", "alice")).rejects.toMatchObject({ status: 409, code: "plan_expired" });
    t += PLAN_TTL_MS + 1;
    await expect(other.check("lineage.cleanup", "p1", "alice")).rejects.toMatchObject({ status: 409, code: "plan_expired" });
  });

  it("lets one execution hold an image at a time, takes all keys or none, and frees them on release", async () => {
    const [a] = await two();
    const locks = createLocks(a);
    const release = await locks.acquire(["images/a", "vms/b"], "req-1");
    await expect(locks.acquire(["vms/c", "vms/b"], "req-2")).rejects.toMatchObject({ status: 409, code: "plan_running" });
    // req-2 took nothing: vms/c is still free.
    const r3 = await locks.acquire(["vms/c"], "req-3");
    const again = await locks.acquire(["images/a", "vms/x"], "req-1");
    await release();
    await r3();
    await again();
    const r4 = await locks.acquire(["images/a", "vms/b", "vms/c", "vms/x"], "req-4");
    await r4();
  });

  // on SQLite, replicas are processes (better-sqlite3 waits synchronously): replicas.test.ts runs them
  it.runIf(engine === "postgres")(
    "two replicas executing overlapping plans at once: one runs, the other gets 409 plan_running",
    async () => {
      const [a, b] = await two();
      const la = createLocks(a),
        lb = createLocks(b);
      for (let round = 0; round < 5; round++) {
        const got = await Promise.allSettled([
          la.acquire(["vms/1", "vms/2", `vms/a${round}`], `a-${round}`),
          lb.acquire([`vms/b${round}`, "vms/2", "vms/1"], `b-${round}`),
        ]);
        const won = got.filter((g) => g.status === "fulfilled");
        const lost = got.filter((g): g is PromiseRejectedResult => g.status === "rejected");
        expect(won).toHaveLength(1);
        expect(lost[0].reason).toMatchObject({ status: 409, code: "plan_running" });
        await (won[0] as PromiseFulfilledResult<() => Promise<void>>).value();
      }
    },
  );

  it("a lock left by a replica that died lapses after its time", async () => {
    const [a, b] = await two();
    let t = 5_000_000;
    await createLocks(a, () => t).acquire(["vms/z"], "dead");
    await expect(createLocks(b, () => t).acquire(["vms/z"], "alive")).rejects.toMatchObject({ code: "plan_running" });
    t += 61 * 60_000;
    await (await createLocks(b, () => t).acquire(["vms/z"], "alive"))();
  });
});
