import type { Hono } from "hono";
import type { SimState } from "../../core/state";
import { uuid } from "../../core/ids";
import type { AuthContext, SimEnv } from "../keystone/token-auth";
import { neutronJson, neutronNoContent } from "./errors";
import { authOf, checkAttrs, owningProject, queryOf, readBody } from "./http";
import { interfacePorts, l3, type Router } from "./l3-model";
import { l3Errors } from "./l3-errors";
import { registerFloatingIps } from "./floatingips";
import { registerRouterInterfaces } from "./router-interfaces";
import { applyGateway, deleteRouter, readGatewayInfo, renderGateway } from "./router-gateway";
import { listBody, neutronTime, pickFields } from "./view";

export type { Router } from "./l3-model";

const ROUTER_FILTERS = ["id", "name", "tenant_id", "project_id", "description", "admin_state_up", "status"] as const;
const ROUTER_ATTRS = { name: "string", description: "string", admin_state_up: "bool" } as const;

/** What the sim does not do yet says so, instead of answering as if it had. */

const renderRouter = (state: SimState, r: Router) => ({
  id: r.id,
  name: r.name,
  tenant_id: r.project_id,
  admin_state_up: r.admin_state_up,
  status: "ACTIVE",
  external_gateway_info: renderGateway(state, r),
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

/** Routers (with gateways and interfaces) and floating IPs; quotas are in quotas.ts. */
export function registerRouters(app: Hono<SimEnv>, state: SimState) {
  const routers = () => l3(state).routers;
  const visible = (a: AuthContext, id: string) => {
    const r = routers().get(id);
    if (!r || (!a.isAdmin && r.project_id !== a.projectId)) throw l3Errors.routerNotFound(id);
    return r;
  };
  app.get("/v2.0/routers", (c) => {
    const a = authOf(c);
    const all = routers()
      .filter((r) => a.isAdmin || r.project_id === a.projectId)
      .map((r) => renderRouter(state, r));
    return neutronJson(listBody("routers", all, queryOf(c), ROUTER_FILTERS, c.req.url));
  });
  app.get("/v2.0/routers/:id", (c) =>
    neutronJson({ router: pickFields(renderRouter(state, visible(authOf(c), c.req.param("id"))), queryOf(c)) }),
  );
  app.post("/v2.0/routers", async (c) => {
    const a = authOf(c);
    const item = checkAttrs(await readBody(c, "router"), ROUTER_ATTRS);
    const gw = readGatewayInfo(state, a, "create_router", item.external_gateway_info);
    const now = state.clock.now();
    const base: Router = {
      id: uuid(),
      name: item.name ?? "",
      project_id: owningProject(a, item, "router"),
      description: item.description ?? "",
      admin_state_up: item.admin_state_up ?? true,
      gateway: null,
      created_at: now,
      updated_at: now,
      revision_number: 1,
    };
    const r = state.store.transaction(() => routers().put(gw ? applyGateway(state, base, gw) : base));
    return neutronJson({ router: renderRouter(state, r) }, 201);
  });
  app.put("/v2.0/routers/:id", async (c) => {
    const a = authOf(c);
    const r = visible(a, c.req.param("id"));
    const item = checkAttrs(await readBody(c, "router"), ROUTER_ATTRS);
    const changesGw = "external_gateway_info" in item;
    const gw = changesGw ? readGatewayInfo(state, a, "update_router", item.external_gateway_info) : undefined;
    const next = state.store.transaction(() => {
      const updated: Router = {
        ...r,
        ...Object.fromEntries(
          Object.keys(ROUTER_ATTRS)
            .filter((k) => item[k] !== undefined)
            .map((k) => [k, item[k]]),
        ),
        updated_at: state.clock.now(),
        revision_number: r.revision_number + 1,
      };
      return routers().put(gw !== undefined ? applyGateway(state, updated, gw) : updated);
    });
    return neutronJson({ router: renderRouter(state, next) });
  });
  app.delete("/v2.0/routers/:id", (c) => {
    const r = visible(authOf(c), c.req.param("id"));
    deleteRouter(
      state,
      r,
      interfacePorts(state, r.id).map((p) => p.id),
    );
    return neutronNoContent();
  });

  registerRouterInterfaces(app, state, visible);
  registerFloatingIps(app, state);
}
