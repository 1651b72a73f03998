import { notFound } from "../../errors";
import { addRule as addSgRule, createSecurityGroup, listSecurityGroups } from "../../features/security-groups/security-groups";
import type { AppRouteHandler } from "../../lib/types";
import type { AddRuleRoute, CreateRoute, ListRoute, RemoveRoute, RemoveRuleRoute } from "./security-groups.routes";

export const list: AppRouteHandler<ListRoute> = async (c) =>
  c.json(await listSecurityGroups(c.get("clients").neutron, c.get("session").projectId), 200);

export const create: AppRouteHandler<CreateRoute> = async (c) =>
  c.json(await createSecurityGroup(c.get("clients").neutron, c.req.valid("json")), 201);

export const remove: AppRouteHandler<RemoveRoute> = async (c) => {
  await c.get("clients").neutron.deleteSecurityGroup(c.req.valid("param").id);
  return c.body(null, 204);
};

export const addRule: AppRouteHandler<AddRuleRoute> = async (c) =>
  c.json(await addSgRule(c.get("clients").neutron, c.req.valid("param").id, c.req.valid("json")), 201);

/** The rule must belong to the group named in the path: a rule id from elsewhere is a 404, not a deletion. */
export const removeRule: AppRouteHandler<RemoveRuleRoute> = async (c) => {
  const { id, ruleId } = c.req.valid("param");
  const neutron = c.get("clients").neutron;
  const group = await neutron.securityGroup(id);
  if (!group.security_group_rules.some((r) => r.id === ruleId))
    throw notFound(`Security group ${id} has no rule ${ruleId}.`, "param.ruleId");
  await neutron.deleteRule(ruleId);
  return c.body(null, 204);
};
