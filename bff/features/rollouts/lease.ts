import type { ZenithDatabase } from "../../db/database";

/**
 * Who runs a rollout. The replica that starts a run holds its lease row (stored with the run, one per pool) and
 * renews it while the run goes on; a lease that expired means its replica died, and the first replica to take
 * it over (an UPDATE that only matches an expired row) restores the run's hosts and marks it interrupted.
 */
export function createLeases(database: ZenithDatabase, now: () => number = Date.now) {
  const db = () => database.get();
  return {
    /** Extends the lease while `owner` still holds it; false when it was lost (expired and taken over). */
    async renew(runId: string, owner: string, ttlMs: number): Promise<boolean> {
      const r = await (await db())
        .updateTable("rollout_leases")
        .set({ expires_at: now() + ttlMs })
        .where("run_id", "=", runId)
        .where("owner", "=", owner)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async release(runId: string, owner: string): Promise<void> {
      await (await db()).deleteFrom("rollout_leases").where("run_id", "=", runId).where("owner", "=", owner).execute();
    },
    /**
     * Takes the lease of a run left `running` by a replica that is gone: its lease expired, or it has none
     * (a run from before leases). True when this replica now holds it.
     */
    async takeOver(runId: string, pool: string, owner: string, ttlMs: number): Promise<boolean> {
      const d = await db();
      const t = now();
      const stolen = await d
        .updateTable("rollout_leases")
        .set({ owner, expires_at: t + ttlMs })
        .where("run_id", "=", runId)
        .where("expires_at", "<", t)
        .executeTakeFirst();
      if (Number(stolen.numUpdatedRows) === 1) return true;
      const fresh = await d
        .insertInto("rollout_leases")
        .values({ run_id: runId, pool, owner, expires_at: t + ttlMs })
        .onConflict((oc) => oc.doNothing())
        .returning("run_id")
        .execute();
      return fresh.length === 1;
    },
  };
}
export type Leases = ReturnType<typeof createLeases>;
