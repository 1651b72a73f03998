import { ApiError } from "../../errors";
import { cephFor, loadLineage } from "../../features/lineage/gather";
import { planCleanup } from "../../features/lineage/plan-cleanup";
import { runCleanup } from "../../features/lineage/run-cleanup";
import type { AppRouteHandler } from "../../lib/types";
import type { CleanupRoute, GetRoute } from "./lineage.routes";

export const get: AppRouteHandler<GetRoute> = async (c) =>
  c.json(await loadLineage(c.get("services"), c.get("session")), 200);

export const cleanup: AppRouteHandler<CleanupRoute> = async (c) => {
  const body = c.req.valid("json");
  const services = c.get("services");
  const session = c.get("session");
  const ceph = cephFor(services, session);
  // Always planned against fresh Ceph state; a confirmation must match what the dry run showed.
  const plan = planCleanup(await loadLineage(services, session, ceph), body.orphans);
  if (body.dryRun) return c.json({ dryRun: true, planId: plan.planId, steps: plan.steps, results: null, ok: null }, 200);
  if (!body.planId) throw new ApiError(400, "bad_request", "planId: required to execute; run a dry run first and confirm its plan.");
  if (body.planId !== plan.planId)
    throw new ApiError(409, "plan_changed", "Ceph changed since the dry run: the plan is different now. Review the new plan and confirm again.", { details: { planId: plan.planId, steps: plan.steps } });
  const results = await runCleanup(plan.steps, ceph, services.audit, {
    requestId: c.get("requestId"), user: session.body.user.name, project: session.body.project?.name ?? session.projectId,
  });
  return c.json({ dryRun: false, planId: plan.planId, steps: plan.steps, results, ok: results.every((r) => r.status === "ok") }, 200);
};
