import type { Context, Hono } from "hono";
import type { SimState } from "../../core/state";
import { atLeast } from "../common/microversion";
import { servers } from "./model";
import type { ViewCtx } from "./view";

/** Nova's per-project quota limits ([quota] instances/cores/ram); -1 is unlimited. */
export interface NovaQuota {
  id: string;
  instances: number;
  cores: number;
  ram: number;
  key_pairs: number;
  server_groups: number;
  server_group_members: number;
  metadata_items: number;
}
export const novaQuotas = (s: SimState) => s.store.collection<NovaQuota>("nova.quota");
/** nova.conf [quota] defaults; the scenarios override per project. */
export const NOVA_QUOTA_DEFAULTS: Omit<NovaQuota, "id"> = {
  instances: 10,
  cores: 20,
  ram: 51200,
  key_pairs: 100,
  server_groups: 10,
  server_group_members: 10,
  metadata_items: 128,
};
const DEFAULTS = NOVA_QUOTA_DEFAULTS;
export const quotaFor = (state: SimState, project: string): NovaQuota => ({ id: project, ...DEFAULTS, ...novaQuotas(state).get(project) });

export function usage(state: SimState, project: string) {
  const mine = servers(state).filter((s) => s.projectId === project && !s.deletion);
  return {
    instances: mine.length,
    cores: mine.reduce((n, s) => n + s.flavor.vcpus, 0),
    ram: mine.reduce((n, s) => n + s.flavor.ram, 0),
  };
}

/**
 * The quota check of POST /servers for `count` servers (min_count): the 403 message nova's QuotaError carries, or
 * null. Nova names the resources over quota in sorted order: "cores, instances, ram".
 */
export function quotaCheck(state: SimState, project: string, want: { cores: number; ram: number; count?: number }): string | null {
  const q = quotaFor(state, project);
  const u = usage(state, project);
  const n = want.count ?? 1;
  const asks: [keyof typeof u, number][] = [
    ["cores", n * want.cores],
    ["instances", n],
    ["ram", n * want.ram],
  ];
  const over = asks.filter(([k, n]) => q[k] >= 0 && u[k] + n > q[k]);
  if (!over.length) return null;
  const names = over.map(([k]) => k).join(", ");
  return `Quota exceeded for ${names}: Requested ${over.map(([, n]) => n).join(", ")}, but already used ${over.map(([k]) => u[k]).join(", ")} of ${over.map(([k]) => q[k]).join(", ")} ${names}`;
}

/** GET /limits: absolute limits and usage of the caller's project (rate limits are always empty). */
export function registerLimits(app: Hono<any>, state: SimState, ctx: (c: Context<any>) => ViewCtx) {
  app.get("/limits", (c) => {
    const x = ctx(c);
    const project = (x.admin && c.req.query("tenant_id")) || x.projectId;
    const q = quotaFor(state, project);
    const u = usage(state, project);
    const absolute: Record<string, number> = {
      maxServerMeta: q.metadata_items,
      maxTotalKeypairs: q.key_pairs,
      maxServerGroups: q.server_groups,
      maxServerGroupMembers: q.server_group_members,
      maxTotalCores: q.cores,
      maxTotalInstances: q.instances,
      maxTotalRAMSize: q.ram,
      totalCoresUsed: u.cores,
      totalInstancesUsed: u.instances,
      totalRAMUsed: u.ram,
      totalServerGroupsUsed: 0,
    };
    if (!atLeast(x.v, "2.39")) absolute.maxImageMeta = q.metadata_items;
    if (!atLeast(x.v, "2.36"))
      Object.assign(absolute, {
        maxTotalFloatingIps: -1,
        maxSecurityGroups: -1,
        maxSecurityGroupRules: -1,
        totalFloatingIpsUsed: 0,
        totalSecurityGroupsUsed: 0,
      });
    if (!atLeast(x.v, "2.57")) Object.assign(absolute, { maxPersonality: 5, maxPersonalitySize: 10240 });
    return new Response(JSON.stringify({ limits: { rate: [], absolute } }), { headers: { "Content-Type": "application/json" } });
  });

  const quotaSet = (q: NovaQuota) => ({
    id: q.id,
    instances: q.instances,
    cores: q.cores,
    ram: q.ram,
    key_pairs: q.key_pairs,
    server_groups: q.server_groups,
    server_group_members: q.server_group_members,
    metadata_items: q.metadata_items,
  });
  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
  app.get("/os-quota-sets/:project", (c) => {
    const x = ctx(c);
    const project = c.req.param("project");
    if (!x.admin && project !== x.projectId)
      return json({ forbidden: { code: 403, message: "Policy doesn't allow os_compute_api:os-quota-sets:show to be performed." } }, 403);
    return json({ quota_set: quotaSet(quotaFor(state, project)) });
  });
  app.get("/os-quota-sets/:project/detail", (c) => {
    const x = ctx(c);
    const project = c.req.param("project");
    if (!x.admin && project !== x.projectId)
      return json({ forbidden: { code: 403, message: "Policy doesn't allow os_compute_api:os-quota-sets:detail to be performed." } }, 403);
    const { id, ...limits } = quotaSet(quotaFor(state, project));
    const used: Record<string, number> = { ...usage(state, project) };
    return json({
      quota_set: {
        id,
        ...Object.fromEntries(Object.entries(limits).map(([k, limit]) => [k, { limit, in_use: used[k] ?? 0, reserved: 0 }])),
      },
    });
  });
  app.put("/os-quota-sets/:project", async (c) => {
    const x = ctx(c);
    if (!x.admin)
      return json({ forbidden: { code: 403, message: "Policy doesn't allow os_compute_api:os-quota-sets:update to be performed." } }, 403);
    const body = (await c.req.json().catch(() => null))?.quota_set ?? {};
    const next = { ...quotaFor(state, c.req.param("project")) } as Record<string, unknown>;
    for (const k of ["instances", "cores", "ram", "key_pairs", "server_groups", "server_group_members", "metadata_items"]) {
      if (body[k] !== undefined) next[k] = Number(body[k]);
    }
    novaQuotas(state).put(next as unknown as NovaQuota);
    const { id: _id, ...rest } = quotaSet(next as unknown as NovaQuota);
    return json({ quota_set: rest });
  });
}
