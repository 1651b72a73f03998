import { actorOf } from "../../audit/audited-step";
import { ApiError, badRequest } from "../../errors";
import { loadLineage, ownerReader } from "../../features/lineage/gather";
import { planCleanup } from "../../features/lineage/plan-cleanup";
import { provePlan } from "../../features/lineage/prove-plan";
import { runCleanup } from "../../features/lineage/run-cleanup";
import { searchForest } from "../../features/lineage/search";
import { forgetShared, shareFresh, sharedLineage } from "../../features/lineage/shared";
import { filterRoots } from "../../features/lineage/summarize";
import type { AppRouteHandler } from "../../lib/types";
import type { CleanupRoute, ForestRoute, SearchRoute, SummaryRoute, TreeRoute } from "./lineage.routes";

export const summary: AppRouteHandler<SummaryRoute> = async (c) => {
  const q = c.req.valid("query");
  const g = await sharedLineage(c.get("services"), c.get("clients"), q.refresh === "true");
  const roots = filterRoots(g.roots, q.q);
  const { lineage, byNode } = g.forest;
  return c.json(
    {
      ...g.stamp,
      roots: { total: roots.length, offset: q.offset, items: roots.slice(q.offset, q.offset + q.limit) },
      orphans: lineage.orphans.map((s) => byNode.get(s)!),
      pending: lineage.pending,
      coverage: lineage.coverage,
      totals: g.totals,
    },
    200,
  );
};

export const tree: AppRouteHandler<TreeRoute> = async (c) => {
  const { root } = c.req.valid("query");
  const g = await sharedLineage(c.get("services"), c.get("clients"));
  const rows = g.forest.rows.get(root);
  if (!rows)
    throw new ApiError(
      404,
      "not_found",
      `No lineage tree has the root ${root} (it may have been removed since the facts were gathered: refresh).`,
      { field: "query.root", details: { root } },
    );
  return c.json({ ...g.stamp, root, rows }, 200);
};

export const search: AppRouteHandler<SearchRoute> = async (c) => {
  const { q, limit } = c.req.valid("query");
  const g = await sharedLineage(c.get("services"), c.get("clients"));
  return c.json({ ...g.stamp, ...searchForest(g.forest, q, limit) }, 200);
};

export const forest: AppRouteHandler<ForestRoute> = async (c) =>
  c.json((await sharedLineage(c.get("services"), c.get("clients"), c.req.valid("query").refresh === "true")).forest.lineage, 200);

export const cleanup: AppRouteHandler<CleanupRoute> = async (c) => {
  const body = c.req.valid("json");
  const services = c.get("services");
  const session = c.get("session");
  const userId = session.body.user.id;
  if (!body.dryRun) {
    if (!body.planId) throw badRequest("body.planId", "required to execute; run a dry run first and confirm its plan.");
    await services.plans.check("lineage.cleanup", body.planId, userId);
  }
  // One execution at a time per image: the named orphans now, every image the steps touch once planned.
  const holder = c.get("requestId");
  const releases = body.dryRun ? [] : [await services.locks.acquire(body.orphans, holder)];
  try {
    const clients = c.get("clients");
    const ceph = clients.ceph();
    const read = ownerReader(clients);
    // Always planned against fresh state; each orphan's owner must answer 404 by id now, and again before each step.
    const fresh = await loadLineage(services, clients, ceph);
    if (body.dryRun) shareFresh(services, fresh);
    const plan = planCleanup(fresh, body.orphans);
    await provePlan(plan.steps, read);
    if (body.dryRun) {
      await services.plans.made("lineage.cleanup", plan.planId, userId);
      return c.json({ dryRun: true, planId: plan.planId, steps: plan.steps, results: null, ok: null }, 200);
    }
    if (body.planId !== plan.planId)
      throw new ApiError(
        409,
        "plan_changed",
        "Ceph changed since the dry run: the plan is different now. Review the new plan and confirm again.",
        { details: { planId: plan.planId, steps: plan.steps } },
      );
    releases.push(
      await services.locks.acquire(
        plan.steps.flatMap((s) => [s.image, s.orphan]),
        holder,
      ),
    );
    // Whatever the steps did (or did halfway), the next gather reads these images again.
    const touched = plan.steps.flatMap((s) => [s.image, s.orphan]);
    const results = await runCleanup(
      plan.steps,
      { ceph, readOwner: read, audit: services.audit },
      { ...actorOf(c), planId: plan.planId },
    ).finally(() => services.rbdFacts.forget(touched));
    return c.json({ dryRun: false, planId: plan.planId, steps: plan.steps, results, ok: results.every((r) => r.status === "ok") }, 200);
  } finally {
    if (!body.dryRun) forgetShared(services);
    for (const release of releases) await release();
  }
};
