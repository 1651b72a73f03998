import { ApiError } from "../errors";

/** A dry run's plan can be confirmed for this long, by the user who made it. */
export const PLAN_TTL_MS = 10 * 60_000;

export type PlanKind = "lineage.cleanup" | "lineage.flatten" | "dhcp.heal";

export interface PlanBook {
  /** A dry run made this plan for this user (renews its 10 minutes). */
  made(kind: PlanKind, planId: string, userId: string): void;
  /** Throws 403 plan_not_yours (another user's plan) or 409 plan_expired (unknown, or older than PLAN_TTL_MS). */
  check(kind: PlanKind, planId: string, userId: string): void;
}

export function createPlanBook(now: () => number = Date.now): PlanBook {
  const plans = new Map<string, Map<string, number>>();
  const key = (kind: PlanKind, planId: string) => `${kind} ${planId}`;
  const sweep = (t: number) => {
    for (const [k, users] of plans) {
      for (const [u, at] of users) if (t - at > PLAN_TTL_MS) users.delete(u);
      if (!users.size) plans.delete(k);
    }
  };
  return {
    made(kind, planId, userId) {
      const t = now();
      sweep(t);
      const users = plans.get(key(kind, planId)) ?? new Map<string, number>();
      users.set(userId, t);
      plans.set(key(kind, planId), users);
    },
    check(kind, planId, userId) {
      sweep(now());
      const users = plans.get(key(kind, planId));
      if (users?.has(userId)) return;
      if (users?.size)
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
  acquire(keys: string[], holder: string): () => void;
}

/** One execution at a time per image or network: two executions whose steps touch the same key cannot overlap. */
export function createLocks(): Locks {
  const held = new Map<string, string>();
  return {
    acquire(keys, holder) {
      const busy = [...new Set(keys)].filter((k) => held.has(k) && held.get(k) !== holder);
      if (busy.length)
        throw new ApiError(
          409,
          "plan_running",
          `Another execution (plan ${held.get(busy[0])}) is working on ${busy.slice(0, 3).join(", ")}; wait for it to finish.`,
          { details: { keys: busy, planId: held.get(busy[0]) } },
        );
      const mine = [...new Set(keys)].filter((k) => !held.has(k));
      for (const k of mine) held.set(k, holder);
      return () => {
        for (const k of mine) if (held.get(k) === holder) held.delete(k);
      };
    },
  };
}
