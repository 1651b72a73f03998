import type { Hono } from "hono";
import type { SimState } from "../../core/state";
import { uuid } from "../../core/ids";
import type { AuthContext, SimEnv } from "../keystone/token-auth";
import { NeutronError, errors, neutronJson } from "./errors";
import { authOf, checkAttrs, owningProject, queryOf, readBody, requireAdmin } from "./http";
import { neutron } from "./model";
import { listBody, neutronTime, pickFields } from "./view";

/** A router of the L3 extension (neutron-lib api/definitions/l3.py); no gateway, interfaces or routes yet. */
export interface Router {
  id: string;
  name: string;
  project_id: string;
  description: string;
  admin_state_up: boolean;
  created_at: number;
  updated_at: number;
  revision_number: number;
}

export const routers = (state: SimState) => state.store.collection<Router>("neutron.router");
const ROUTER_FILTERS = ["id", "name", "tenant_id", "project_id", "description", "admin_state_up", "status"] as const;
const ROUTER_ATTRS = { name: "string", description: "string", admin_state_up: "bool" } as const;

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

/** What the sim does not do yet says so, instead of answering as if it had. */
const notModelled = (what: string) => new NeutronError(501, "HTTPNotImplemented", `The sim does not implement ${what}.`);

const renderRouter = (r: Router) => ({
  id: r.id,
  name: r.name,
  tenant_id: r.project_id,
  admin_state_up: r.admin_state_up,
  status: "ACTIVE",
  external_gateway_info: null,
  description: r.description,
  availability_zones: [],
  availability_zone_hints: [],
  routes: [],
  flavor_id: null,
  tags: [],
  created_at: neutronTime(r.created_at),
  updated_at: neutronTime(r.updated_at),
  revision_number: r.revision_number,
  project_id: r.project_id,
});

/** Routers, floating IPs (none are allocated: the sim has no external network) and quotas. */
export function registerRouters(app: Hono<SimEnv>, state: SimState) {
  const visible = (a: AuthContext, id: string) => {
    const r = routers(state).get(id);
    if (!r || (!a.isAdmin && r.project_id !== a.projectId))
      throw new NeutronError(404, "RouterNotFound", `Router ${id} could not be found`);
    return r;
  };
  app.get("/v2.0/routers", (c) => {
    const a = authOf(c);
    const all = routers(state)
      .filter((r) => a.isAdmin || r.project_id === a.projectId)
      .map(renderRouter);
    return neutronJson(listBody("routers", all, queryOf(c), ROUTER_FILTERS, c.req.url));
  });
  app.get("/v2.0/routers/:id", (c) => neutronJson({ router: pickFields(renderRouter(visible(authOf(c), c.req.param("id"))), queryOf(c)) }));
  app.post("/v2.0/routers", async (c) => {
    const a = authOf(c);
    const item = checkAttrs(await readBody(c, "router"), ROUTER_ATTRS);
    if (item.external_gateway_info) throw notModelled("router gateways");
    const now = state.clock.now();
    const r = routers(state).put({
      id: uuid(),
      name: item.name ?? "",
      project_id: owningProject(a, item, "router"),
      description: item.description ?? "",
      admin_state_up: item.admin_state_up ?? true,
      created_at: now,
      updated_at: now,
      revision_number: 1,
    });
    return neutronJson({ router: renderRouter(r) }, 201);
  });
  app.put("/v2.0/routers/:id", async (c) => {
    const r = visible(authOf(c), c.req.param("id"));
    const item = checkAttrs(await readBody(c, "router"), ROUTER_ATTRS);
    const next = {
      ...r,
      ...Object.fromEntries(
        Object.keys(ROUTER_ATTRS)
          .filter((k) => item[k] !== undefined)
          .map((k) => [k, item[k]]),
      ),
      updated_at: state.clock.now(),
      revision_number: r.revision_number + 1,
    };
    routers(state).put(next);
    return neutronJson({ router: renderRouter(next) });
  });
  app.delete("/v2.0/routers/:id", (c) => {
    routers(state).remove(visible(authOf(c), c.req.param("id")).id);
    return new Response(null, { status: 204 });
  });

  app.get("/v2.0/floatingips", (c) => neutronJson(listBody("floatingips", [], queryOf(c), ["id"], c.req.url)));
  app.get("/v2.0/floatingips/:id", (c) => {
    throw new NeutronError(404, "FloatingIPNotFound", `Floating IP ${c.req.param("id")} could not be found`);
  });
  app.post("/v2.0/floatingips", async (c) => {
    const item = await readBody(c, "floatingip");
    if (!item.floating_network_id)
      throw errors.badRequest("Failed to parse request. Required attribute 'floating_network_id' not specified");
    const net = neutron(state).networks.get(String(item.floating_network_id));
    if (!net) throw errors.networkNotFound(String(item.floating_network_id));
    if (!net["router:external"])
      throw new NeutronError(400, "BadRequest", `Bad floatingip request: Network ${net.id} is not a valid external network.`);
    throw notModelled("floating IP allocation");
  });

  app.get("/v2.0/quotas/:project", (c) => {
    const a = authOf(c);
    if (!a.isAdmin && c.req.param("project") !== a.projectId) throw errors.policy("get_quota");
    return neutronJson({ quota: QUOTA_DEFAULTS });
  });
  app.put("/v2.0/quotas/:project", (c) => {
    requireAdmin(authOf(c), "update_quota");
    throw notModelled("quota updates");
  });
}
