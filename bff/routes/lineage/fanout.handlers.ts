import { actorOf } from "../../audit/audited-step";
import { ApiError, badRequest } from "../../errors";
import { bootIo, throughputFacts } from "../../features/boot/gather";
import { fanoutOf } from "../../features/lineage/fanout";
import { readFanoutBench } from "../../features/lineage/fanout-bench";
import { fanoutLimits } from "../../features/lineage/fanout-limits";
import { fanoutThroughput } from "../../features/lineage/fanout-throughput";
import { adviseFlatten } from "../../features/lineage/flatten-advice";
import { loadLineage } from "../../features/lineage/gather";
import { planFlatten } from "../../features/lineage/plan-flatten";
import { runFlatten } from "../../features/lineage/run-flatten";
import { forgetShared, shareFresh, sharedLineage } from "../../features/lineage/shared";
import type { AppRouteHandler } from "../../lib/types";
import type { FanoutRoute, FlattenRoute } from "./fanout.routes";

export const fanout: AppRouteHandler<FanoutRoute> = async (c) => {
  const q = c.req.valid("query");
  const services = c.get("services");
  const clients = c.get("clients");
  const limits = fanoutLimits(services.deps.fanout);
  const [g, { answer: throughput, tp }, bench] = await Promise.all([
    sharedLineage(services, clients, q.refresh === "true"),
    fanoutThroughput(
      () => throughputFacts(bootIo(services, c.get("session"), clients)),
      (err) => services.logger.warn({ requestId: c.get("requestId"), err }, "fan-out: the copy throughput could not be read"),
    ),
    readFanoutBench(services.deps.fanout?.benchFile ?? ".data/fanout-bench.json", () => clients.ceph().fsid()),
  ]);
  const rows = fanoutOf(g.forest.lineage, limits, g.forest.rootOf);
  const page = rows.slice(q.offset, q.offset + q.limit);
  return c.json(
    {
      ...g.stamp,
      limits,
      total: rows.length,
      offset: q.offset,
      // Advice from every clone of a row; the answer lists the busiest `clones` of each.
      advice: page.flatMap((r) => adviseFlatten(r, limits, tp) ?? []),
      rows: page.map((r) => ({ ...r, clones: r.clones.slice(0, q.clones) })),
      throughput,
      bench,
      coverage: g.forest.lineage.coverage,
    },
    200,
  );
};

export const flatten: AppRouteHandler<FlattenRoute> = async (c) => {
  const body = c.req.valid("json");
  const services = c.get("services");
  const userId = c.get("session").body.user.id;
  const { parallelFlattens } = fanoutLimits(services.deps.fanout);
  if (!body.dryRun) {
    if (!body.planId) throw badRequest("body.planId", "required to execute; run a dry run first and confirm its plan.");
    await services.plans.check("lineage.flatten", body.planId, userId);
  }
  // One execution at a time per image: the named clones now (a clean-up flattening them waits, and the reverse).
  const holder = c.get("requestId");
  const releases = body.dryRun ? [] : [await services.locks.acquire(body.clones, holder)];
  try {
    const clients = c.get("clients");
    const ceph = clients.ceph();
    // Always planned against fresh state; each clone's parent is proven again right before its flatten.
    const fresh = await loadLineage(services, clients, ceph);
    if (body.dryRun) shareFresh(services, fresh);
    const plan = planFlatten(fresh, body.clones, parallelFlattens);
    if (body.dryRun) {
      await services.plans.made("lineage.flatten", plan.planId, userId);
      return c.json({ dryRun: true, ...plan, results: null, ok: null }, 200);
    }
    if (body.planId !== plan.planId)
      throw new ApiError(
        409,
        "plan_changed",
        "Ceph changed since the dry run: the plan is different now. Review the new plan and confirm again.",
        {
          details: { planId: plan.planId, steps: plan.steps },
        },
      );
    const touched = plan.steps.map((s) => s.image);
    const results = await runFlatten(
      plan.steps,
      { ceph, audit: services.audit },
      { ...actorOf(c), planId: plan.planId },
      plan.parallel,
    ).finally(() => services.rbdFacts.forget([...touched, ...plan.steps.map((s) => s.parent.split("@")[0])]));
    return c.json({ dryRun: false, ...plan, results, ok: results.every((r) => r.status === "ok") }, 200);
  } finally {
    if (!body.dryRun) forgetShared(services);
    for (const release of releases) await release();
  }
};
