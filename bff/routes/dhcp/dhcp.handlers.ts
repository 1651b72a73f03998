import { actorOf, audited } from "../../audit/audited-step";
import { ApiError, badRequest, conflict, notFound } from "../../errors";
import { auditDhcp } from "../../features/dhcp/audit";
import { executeHeal } from "../../features/dhcp/execute-heal";
import { loadDhcpState } from "../../features/dhcp/load-state";
import { planHeal } from "../../features/dhcp/plan-heal";
import { forgetSharedDhcp, shareFreshDhcp, sharedAudit, sharedDhcpState } from "../../features/dhcp/shared";
import { filterNetworks, summarizeDhcp } from "../../features/dhcp/summarize";
import type { AppRouteHandler } from "../../lib/types";
import type { AuditRoute, HealRoute, NetworksRoute } from "./dhcp.routes";

export const audit: AppRouteHandler<AuditRoute> = async (c) => {
  const q = c.req.valid("query");
  const { state, stamp } = await sharedDhcpState(c.get("services"), c.get("clients"), q.refresh === "true");
  return c.json({ ...stamp, ...summarizeDhcp(sharedAudit(state, q.target)) }, 200);
};

export const networks: AppRouteHandler<NetworksRoute> = async (c) => {
  const q = c.req.valid("query");
  const { state, stamp } = await sharedDhcpState(c.get("services"), c.get("clients"));
  const rows = filterNetworks(sharedAudit(state, q.target).networks, { verdict: q.verdict, below: q.below === "true", q: q.q });
  return c.json({ ...stamp, total: rows.length, offset: q.offset, items: rows.slice(q.offset, q.offset + q.limit) }, 200);
};

export const heal: AppRouteHandler<HealRoute> = async (c) => {
  const body = c.req.valid("json");
  if (!body.dryRun && !body.planId) throw badRequest("body.planId", "required with dryRun false (confirm the plan a dry run returned)");
  const s = c.get("session");
  const services = c.get("services");
  if (!body.dryRun) await services.plans.check("dhcp.heal", body.planId!, s.body.user.id);
  const { neutron } = c.get("clients");
  // Never the shared facts (they may be minutes old while a read runs behind them): a plan reads Neutron afresh.
  const state = await loadDhcpState(neutron);
  if (body.dryRun) shareFreshDhcp(services, state);
  else forgetSharedDhcp(services);
  if (state.availability !== "ok")
    throw new ApiError(409, "no_dhcp_agents", `This cloud has no DHCP agents to schedule (${state.availability}).`);
  const known = new Set(state.networks.map((n) => n.id));
  const missing = body.networkIds?.filter((id) => !known.has(id)) ?? [];
  if (missing.length) throw notFound(`No network ${missing.join(", ")}.`, "body.networkIds");
  const plan = planHeal(auditDhcp(state, body.target), { networkIds: body.networkIds });
  if (body.dryRun) {
    await services.plans.made("dhcp.heal", plan.planId, s.body.user.id);
    return c.json({ dryRun: true as const, ...plan }, 200);
  }
  if (plan.planId !== body.planId) {
    throw conflict(
      "plan_changed",
      `The DHCP agents changed since the dry run (plan ${body.planId} is now ${plan.planId}); review the new plan.`,
    );
  }
  // One execution at a time per network.
  const release = await services.locks.acquire(
    plan.steps.map((x) => `network:${x.networkId}`),
    c.get("requestId"),
  );
  try {
    const who = { ...actorOf(c), planId: plan.planId, action: "dhcp.heal" };
    const results = await executeHeal(neutron, plan.steps, plan.target, (step, run) =>
      audited(
        services.audit,
        {
          ...who,
          target: `network ${step.networkId}/agent ${step.agentId}`,
          step: `${step.op === "add" ? "add" : "remove"} DHCP agent ${step.agentHost} ${step.op === "add" ? "to" : "from"} network ${step.networkName || step.networkId}`,
        },
        run,
        (r) => ({ result: r.status === "error" ? "error" : r.status === "refused" ? "refused" : "ok", detail: r.detail }),
      ),
    );
    return c.json({ dryRun: false as const, planId: plan.planId, results }, 200);
  } finally {
    forgetSharedDhcp(services);
    await release();
  }
};
