import { ErrorSchema } from "../../errors";

/** The 409 of a confirmed Lineage plan (clean-up, flatten): the same plan rules answer for both. */
export const planConflict = {
  409: {
    content: { "application/json": { schema: ErrorSchema } },
    description:
      "plan_changed: Ceph changed since the dry run; plan_expired: unknown or older than 10 minutes; plan_running: another execution works on one of these images (403 plan_not_yours: another user made this plan)",
  },
};
