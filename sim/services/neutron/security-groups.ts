import type { Hono } from "hono";
import type { SimState } from "../../core/state";
import type { AuthContext, SimEnv } from "../keystone/token-auth";
import { uuid } from "../../core/ids";
import { errors, NeutronError, neutronJson, neutronNoContent } from "./errors";
import { authOf, checkAttrs, owningProject, queryOf, readBody } from "./http";
import { neutron, type SecurityGroup, type SecurityGroupRule } from "./model";
import { listBody, neutronTime, pickFields } from "./view";

export function renderRule(r: SecurityGroupRule): Record<string, unknown> {
  return {
    id: r.id,
    tenant_id: r.project_id,
    security_group_id: r.security_group_id,
    ethertype: r.ethertype,
    direction: r.direction,
    protocol: r.protocol,
    port_range_min: r.port_range_min,
    port_range_max: r.port_range_max,
    remote_ip_prefix: r.remote_ip_prefix,
    remote_address_group_id: null,
    normalized_cidr: r.remote_ip_prefix,
    remote_group_id: r.remote_group_id,
    description: r.description,
    tags: [],
    created_at: neutronTime(r.created_at),
    updated_at: neutronTime(r.updated_at),
    revision_number: r.revision_number,
    project_id: r.project_id,
  };
}

export function renderGroup(g: SecurityGroup, rules: SecurityGroupRule[]): Record<string, unknown> {
  return {
    id: g.id,
    name: g.name,
    stateful: g.stateful,
    tenant_id: g.project_id,
    description: g.description,
    security_group_rules: rules.map(renderRule),
    tags: [...g.tags],
    created_at: neutronTime(g.created_at),
    updated_at: neutronTime(g.updated_at),
    revision_number: g.revision_number,
    project_id: g.project_id,
  };
}

export const SG_FILTERS = ["id", "name", "tenant_id", "project_id", "description", "stateful", "revision_number"] as const;
export const RULE_FILTERS = [
  "id",
  "tenant_id",
  "project_id",
  "security_group_id",
  "ethertype",
  "direction",
  "protocol",
  "port_range_min",
  "port_range_max",
  "remote_ip_prefix",
  "remote_group_id",
  "description",
  "revision_number",
] as const;

type RuleInput = Omit<SecurityGroupRule, "id" | "created_at" | "updated_at" | "revision_number" | "description"> & { description?: string };

function addRule(state: SimState, r: RuleInput): SecurityGroupRule {
  const now = state.clock.now();
  return neutron(state).securityGroupRules.put({
    ...r,
    description: r.description ?? "",
    id: uuid(),
    created_at: now,
    updated_at: now,
    revision_number: 0,
  });
}

/** The project's "default" group, created with Neutron's four rules the first time it is needed. */
export function ensureDefaultSecurityGroup(state: SimState, projectId: string): SecurityGroup {
  const nx = neutron(state);
  const existing = nx.securityGroups.find((g) => g.project_id === projectId && g.name === "default");
  if (existing) return existing;
  const now = state.clock.now();
  const g = nx.securityGroups.put({
    id: uuid(),
    name: "default",
    project_id: projectId,
    description: "Default security group",
    stateful: true,
    tags: [],
    created_at: now,
    updated_at: now,
    revision_number: 1,
  });
  const base = {
    security_group_id: g.id,
    project_id: projectId,
    protocol: null,
    port_range_min: null,
    port_range_max: null,
    remote_ip_prefix: null,
  };
  for (const ethertype of ["IPv4", "IPv6"] as const) {
    addRule(state, { ...base, direction: "egress", ethertype, remote_group_id: null });
    addRule(state, { ...base, direction: "ingress", ethertype, remote_group_id: g.id });
  }
  return g;
}

const sameRule = (a: SecurityGroupRule, b: RuleInput) =>
  (
    [
      "security_group_id",
      "direction",
      "ethertype",
      "protocol",
      "port_range_min",
      "port_range_max",
      "remote_ip_prefix",
      "remote_group_id",
    ] as const
  ).every((k) => (a[k] ?? null) === (b[k] ?? null));

export function registerSecurityGroups(app: Hono<SimEnv>, state: SimState): void {
  const nx = () => neutron(state);
  const canSee = (auth: AuthContext, projectId: string) => auth.isAdmin || projectId === auth.projectId;
  const group = (auth: AuthContext, id: string) => {
    const g = nx().securityGroups.get(id);
    if (!g || !canSee(auth, g.project_id)) throw errors.securityGroupNotFound(id);
    return g;
  };
  const rulesOf = (id: string) => nx().securityGroupRules.filter((r) => r.security_group_id === id);

  app.get("/v2.0/security-groups", (c) => {
    const auth = authOf(c);
    ensureDefaultSecurityGroup(state, auth.projectId);
    const rules = nx().securityGroupRules.all();
    const items = nx()
      .securityGroups.all()
      .filter((g) => canSee(auth, g.project_id))
      .map((g) =>
        renderGroup(
          g,
          rules.filter((r) => r.security_group_id === g.id),
        ),
      );
    return neutronJson(listBody("security_groups", items, queryOf(c), SG_FILTERS, c.req.url));
  });
  app.get("/v2.0/security-groups/:id", (c) => {
    const g = group(authOf(c), c.req.param("id"));
    return neutronJson({ security_group: pickFields(renderGroup(g, rulesOf(g.id)), queryOf(c)) });
  });
  app.post("/v2.0/security-groups", async (c) => {
    const auth = authOf(c);
    const item = checkAttrs(await readBody(c, "security_group"), { name: "string", description: "string", stateful: "bool" });
    const projectId = owningProject(auth, item, "security_group");
    if (item.name === "default") throw new NeutronError(409, "SecurityGroupDefaultAlreadyExists", "Default security group already exists.");
    ensureDefaultSecurityGroup(state, projectId);
    const now = state.clock.now();
    const g = nx().securityGroups.put({
      id: uuid(),
      name: String(item.name ?? ""),
      project_id: projectId,
      description: String(item.description ?? ""),
      stateful: item.stateful ?? true,
      tags: [],
      created_at: now,
      updated_at: now,
      revision_number: 1,
    });
    for (const ethertype of ["IPv4", "IPv6"] as const)
      addRule(state, {
        security_group_id: g.id,
        project_id: projectId,
        direction: "egress",
        ethertype,
        protocol: null,
        port_range_min: null,
        port_range_max: null,
        remote_ip_prefix: null,
        remote_group_id: null,
      });
    return neutronJson({ security_group: renderGroup(g, rulesOf(g.id)) }, 201);
  });
  app.put("/v2.0/security-groups/:id", async (c) => {
    const g = group(authOf(c), c.req.param("id"));
    const item = checkAttrs(await readBody(c, "security_group"), { name: "string", description: "string", stateful: "bool" });
    const next = {
      ...g,
      name: item.name ?? g.name,
      description: item.description ?? g.description,
      updated_at: state.clock.now(),
      revision_number: g.revision_number + 1,
    };
    nx().securityGroups.put(next);
    return neutronJson({ security_group: renderGroup(next, rulesOf(g.id)) });
  });
  app.delete("/v2.0/security-groups/:id", (c) => {
    const auth = authOf(c);
    const g = group(auth, c.req.param("id"));
    if (g.name === "default" && !auth.isAdmin)
      throw new NeutronError(409, "SecurityGroupCannotRemoveDefault", "Insufficient rights for removing default security group.");
    if (nx().ports.find((p) => p.security_groups.includes(g.id)))
      throw new NeutronError(409, "SecurityGroupInUse", `Security Group ${g.id} in use.`);
    state.store.transaction(() => {
      for (const r of rulesOf(g.id)) nx().securityGroupRules.remove(r.id);
      nx().securityGroups.remove(g.id);
    });
    return neutronNoContent();
  });

  app.get("/v2.0/security-group-rules", (c) => {
    const auth = authOf(c);
    const items = nx()
      .securityGroupRules.all()
      .filter((r) => canSee(auth, r.project_id))
      .map(renderRule);
    return neutronJson(listBody("security_group_rules", items, queryOf(c), RULE_FILTERS, c.req.url));
  });
  app.get("/v2.0/security-group-rules/:id", (c) => {
    const r = nx().securityGroupRules.get(c.req.param("id"));
    if (!r || !canSee(authOf(c), r.project_id)) throw errors.securityGroupRuleNotFound(c.req.param("id"));
    return neutronJson({ security_group_rule: pickFields(renderRule(r), queryOf(c)) });
  });
  app.post("/v2.0/security-group-rules", async (c) => {
    const auth = authOf(c);
    const item = await readBody(c, "security_group_rule");
    const g = group(auth, String(item.security_group_id ?? ""));
    if (item.direction !== "ingress" && item.direction !== "egress")
      throw errors.invalidInput(`${item.direction ?? "None"} is not in valid_values`);
    const ethertype = item.ethertype ?? "IPv4";
    if (ethertype !== "IPv4" && ethertype !== "IPv6") throw errors.invalidInput(`${ethertype} is not in valid_values`);
    const rule: RuleInput = {
      security_group_id: g.id,
      project_id: g.project_id,
      direction: item.direction,
      ethertype,
      protocol: item.protocol ?? null,
      port_range_min: item.port_range_min ?? null,
      port_range_max: item.port_range_max ?? null,
      remote_ip_prefix: item.remote_ip_prefix ?? null,
      remote_group_id: item.remote_group_id ?? null,
      description: item.description,
    };
    portRangeProblem(rule);
    const dup = rulesOf(g.id).find((r) => sameRule(r, rule));
    if (dup) throw new NeutronError(409, "SecurityGroupRuleExists", `Security group rule already exists. Rule id is ${dup.id}.`);
    return neutronJson({ security_group_rule: renderRule(addRule(state, rule)) }, 201);
  });
  app.delete("/v2.0/security-group-rules/:id", (c) => {
    const r = nx().securityGroupRules.get(c.req.param("id"));
    if (!r || !canSee(authOf(c), r.project_id)) throw errors.securityGroupRuleNotFound(c.req.param("id"));
    nx().securityGroupRules.remove(r.id);
    return neutronNoContent();
  });
}

/** securitygroups_db._validate_port_range: ports need a protocol; for the port-based protocols min <= max. */
function portRangeProblem(r: RuleInput): void {
  const [min, max] = [r.port_range_min, r.port_range_max];
  if (min === null && max === null) return;
  if (r.protocol === null)
    throw new NeutronError(400, "SecurityGroupProtocolRequiredWithPorts", "Must also specify protocol if port range is given.");
  const portBased = ["tcp", "udp", "dccp", "sctp", "udplite", "6", "17", "33", "132", "136"].includes(String(r.protocol).toLowerCase());
  if (portBased && min !== null && max !== null && Number(min) > Number(max))
    throw new NeutronError(400, "SecurityGroupInvalidPortRange", "For TCP/UDP protocols, port_range_min must be <= port_range_max");
}
