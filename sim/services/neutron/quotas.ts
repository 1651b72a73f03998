import type { Hono } from "hono";
import type { SimState } from "../../core/state";
import { requestId } from "../../core/ids";
import type { SimEnv } from "../keystone/token-auth";
import { NeutronError, errors, neutronJson } from "./errors";
import { authOf, requireAdmin, type NeutronContext } from "./http";

/** Neutron's per-project quotas ([quotas] in neutron.conf, as Zed ships them). */
export const QUOTA_DEFAULTS = {
  network: 100,
  subnet: 100,
  subnetpool: -1,
  port: 500,
  router: 10,
  floatingip: 50,
  rbac_policy: 10,
  security_group: 10,
  security_group_rule: 100,
};
type QuotaKey = keyof typeof QUOTA_DEFAULTS;

/** A project's overrides (the quotas table: only what an admin set; DELETE removes them all). */
interface QuotaOverride {
  id: string;
  limits: Partial<Record<QuotaKey, number>>;
}
const overrides = (state: SimState) => state.store.collection<QuotaOverride>("neutron.quota");

/** The project's quotas: the defaults with its overrides. */
export const quotaOf = (state: SimState, project: string) => ({ ...QUOTA_DEFAULTS, ...overrides(state).get(project)?.limits });

/** What neutron-server's controller raises before the quota driver sees the body (measured on Zed: a 500 without detail). */
const internal = () =>
  new NeutronError(500, "HTTPInternalServerError", "Request Failed: internal server error while processing your request.");

/** neutron-lib convert_to_int: int(x) for numbers, booleans and integer strings; else InvalidInput naming str(x). */
function toInt(v: unknown): number {
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "number" && Number.isFinite(v)) return Math.trunc(v);
  if (typeof v === "string" && /^\s*[-+]?\d+\s*$/.test(v)) return Number(v);
  const shown = v === null ? "None" : typeof v === "object" ? JSON.stringify(v) : String(v);
  throw errors.invalidInput(`'${shown}' is not an integer`);
}

/** PUT's body: {"quota": {<resource>: int >= -1}}; unknown keys (project_id and tenant_id included) are refused together. */
async function quotaBody(c: NeutronContext): Promise<Partial<Record<QuotaKey, number>>> {
  const text = await c.req.text();
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    if (!text.trim()) throw internal();
    throw new NeutronError(400, "MalformedRequestBody", "Malformed request body: Cannot understand JSON.");
  }
  const item = body?.quota;
  if (!item || typeof item !== "object" || Array.isArray(item)) throw internal();
  const unknown = Object.keys(item).filter((k) => !(k in QUOTA_DEFAULTS));
  if (unknown.length) {
    // The API layer fills project_id and tenant_id from each other before it checks the names.
    const named = unknown.some((k) => k === "project_id" || k === "tenant_id")
      ? [...unknown.filter((k) => k !== "project_id" && k !== "tenant_id"), "project_id", "tenant_id"]
      : unknown;
    throw errors.badRequest(`Unrecognized attribute(s) '${named.sort().join(", ")}'`);
  }
  const out: Partial<Record<QuotaKey, number>> = {};
  for (const [k, v] of Object.entries(item)) {
    const n = toInt(v);
    if (n < -1) throw errors.badRequest(`Invalid input for ${k}. Reason: '${n}' is too small - must be at least '-1'.`);
    out[k as QuotaKey] = n;
  }
  return out;
}

/**
 * /v2.0/quotas (the quotas extension, DbQuotaDriver): reads for admins and the project's own members; the list
 * of projects with overrides, changes and resets for admins only (Zed policies get_quota, update_quota,
 * delete_quota). Neutron does not check that the project exists. The limits are kept, not enforced.
 */
export function registerQuotas(app: Hono<SimEnv>, state: SimState) {
  app.get("/v2.0/quotas", (c) => {
    requireAdmin(authOf(c), "get_quota");
    return neutronJson({
      quotas: overrides(state)
        .all()
        .map((o) => ({ ...quotaOf(state, o.id), project_id: o.id, tenant_id: o.id })),
    });
  });
  app.get("/v2.0/quotas/:project", (c) => {
    const a = authOf(c);
    if (!a.isAdmin && c.req.param("project") !== a.projectId) throw errors.policy("get_quota");
    return neutronJson({ quota: quotaOf(state, c.req.param("project")) });
  });
  app.put("/v2.0/quotas/:project", async (c) => {
    requireAdmin(authOf(c), "update_quota");
    const project = c.req.param("project");
    const limits = await quotaBody(c);
    overrides(state).put({ id: project, limits: { ...overrides(state).get(project)?.limits, ...limits } });
    return neutronJson({ quota: quotaOf(state, project) });
  });
  app.delete("/v2.0/quotas/:project", (c) => {
    requireAdmin(authOf(c), "delete_quota");
    const project = c.req.param("project");
    if (!overrides(state).get(project))
      throw new NeutronError(404, "TenantQuotaNotFound", `Quota for tenant ${project} could not be found.`);
    overrides(state).remove(project);
    return new Response(null, { status: 204, headers: { "X-Openstack-Request-Id": requestId() } });
  });
}
