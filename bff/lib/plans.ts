import type { ZenithDatabase } from "../db/database";
import { ApiError } from "../errors";

/** A dry run's plan can be confirmed for this long, by the user who made it. */
export const PLAN_TTL_MS = 10 * 60_000;
/** A lock whose replica died without releasing it lapses after this long (no execution takes near as long). */
export const LOCK_TTL_MS = 60 * 60_000;

export type PlanKind = "lineage.cleanup" | "lineage.flatten" | "dhcp.heal";

export interface PlanBook {
  /** A dry run made this plan for this user (renews its 10 minutes). */
  made(kind: PlanKind, planId: string, userId: string): Promise<void>;
  /** Throws 403 plan_not_yours (another user's plan) or 409 plan_expired (unknown, or older than PLAN_TTL_MS). */
  check(kind: PlanKind, planId: string, userId: string): Promise<void>;
}

/** Plans in the shared database, so a plan made through one replica can be confirmed through another. */
export function createPlanBook(database: ZenithDatabase, now: () => number = Date.now): PlanBook {
  return {
    async made(kind, planId, userId) {
      const db = await database.get();
      const t = now();
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto("plans")
          .values({ kind, plan_id: planId, user_id: userId, made_at: t })
          .onConflict((oc) => oc.columns(["kind", "plan_id", "user_id"]).doUpdateSet({ made_at: t }))
          .execute();
        await trx
          .deleteFrom("plans")
          .where("made_at", "<", t - PLAN_TTL_MS)
          .execute();
      });
    },
    async check(kind, planId, userId) {
      const db = await database.get();
      const users = await db
        .selectFrom("plans")
        .select("user_id")
        .where("kind", "=", kind)
        .where("plan_id", "=", planId)
        .where("made_at", ">=", now() - PLAN_TTL_MS)
        .execute();
      if (users.some((u) => u.user_id === userId)) return;
      if (users.length)
        throw new ApiError(403, "plan_not_yours", `Plan ${planId} was made by another user; run your own dry run and confirm that.`, {
          field: "body.planId",
          details: { planId },
        });
      throw new ApiError(
        409,
        "plan_expired",
        `Plan ${planId} is unknown or older than ${PLAN_TTL_MS / 60_000} minutes; run the dry run again and confirm its plan.`,
        { field: "body.planId", details: { planId } },
      );
    },
  };
}

export interface Locks {
  /**
   * Takes every key or none (keys the same holder already has are fine); throws 409 plan_running naming the
   * execution that holds one. Returns the release of the keys taken by this call.
   */
  acquire(keys: string[], holder: string): Promise<() => Promise<void>>;
}

/**
 * One execution at a time per image or network, across replicas: a row per key in the shared database, taken
 * in one transaction (insert-if-absent, then read who holds each key; any held by another rolls it all back).
 */
export function createLocks(database: ZenithDatabase, now: () => number = Date.now): Locks {
  return {
    async acquire(keys, holder) {
      const db = await database.get();
      const want = [...new Set(keys)].sort(); // one order: two transactions never wait on each other in a cycle
      if (!want.length) return async () => undefined;
      const t = now();
      const mine = await db.transaction().execute(async (trx) => {
        await trx.deleteFrom("plan_locks").where("expires_at", "<", t).execute();
        const taken = await trx
          .insertInto("plan_locks")
          .values(want.map((key) => ({ key, holder, owner: database.replica, expires_at: t + LOCK_TTL_MS })))
          .onConflict((oc) => oc.column("key").doNothing())
          .returning("key")
          .execute();
        const held = await trx.selectFrom("plan_locks").select(["key", "holder"]).where("key", "in", want).execute();
        const busy = held.filter((h) => h.holder !== holder);
        if (busy.length)
          throw new ApiError(
            409,
            "plan_running",
            `Another execution (plan ${busy[0].holder}) is working on ${busy
              .slice(0, 3)
              .map((b) => b.key)
              .join(", ")}; wait for it to finish.`,
            { details: { keys: busy.map((b) => b.key), planId: busy[0].holder } },
          );
        return taken.map((r) => r.key);
      });
      return async () => {
        if (mine.length) await db.deleteFrom("plan_locks").where("key", "in", mine).where("holder", "=", holder).execute();
      };
    },
  };
}
