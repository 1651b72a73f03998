import { Hono } from "hono";
import type { SimState } from "../../core/state";
import { requireToken, type SimEnv } from "../keystone/token-auth";
import { chunkedBodyAsUpstream } from "../../core/body-framing";
import { registerRouters } from "./routers";
import { registerQuotaDetails } from "./quota-details";
import { errors, NeutronError, neutronErrorResponse, neutronJson } from "./errors";
import { EXTENSIONS } from "./extensions";
import { registerNetworks } from "./networks";
import { registerSubnets } from "./subnets";
import { registerPorts } from "./ports";
import { registerSecurityGroups } from "./security-groups";
import { registerAgents } from "./agents";
import { registerDhcp } from "./dhcp";
import { registerQuotas } from "./quotas";

const RESOURCES: [name: string, collection: string][] = [
  ["subnet", "subnets"],
  ["network", "networks"],
  ["port", "ports"],
  ["agent", "agents"],
  ["security_group", "security-groups"],
  ["security_group_rule", "security-group-rules"],
];

/** Neutron v2.0, mounted at /networking (the catalog's network endpoint; clients append /v2.0). */
export function neutronRoutes(state: SimState) {
  const app = new Hono<SimEnv>();
  const v2 = () => `${state.baseUrl}/networking/v2.0/`;

  // The version document is served without a token, as neutron-server's root app does.
  const versions = () => neutronJson({ versions: [{ id: "v2.0", status: "CURRENT", links: [{ href: v2(), rel: "self" }] }] });
  app.get("/", versions);
  // "/networking/" (trailing slash) does not reach a "/" route of a mounted router; catch it here.
  app.use("*", async (c, next) => {
    if (c.req.method === "GET" && c.req.path.endsWith("/networking/")) return versions();
    await next();
  });

  app.use("/v2.0", requireToken(state));
  app.use("/v2.0/*", requireToken(state));
  app.use("/v2.0/*", chunkedBodyAsUpstream("network"));

  const resources = () =>
    neutronJson({
      resources: RESOURCES.map(([name, collection]) => ({ links: [{ href: `${v2()}${collection}`, rel: "self" }], name, collection })),
    });
  app.get("/v2.0", resources);
  app.get("/v2.0/", resources);
  app.get("/v2.0/extensions", () => neutronJson({ extensions: EXTENSIONS }));
  app.get("/v2.0/extensions/:alias", (c) => {
    const ext = EXTENSIONS.find((e) => e.alias === c.req.param("alias"));
    if (!ext) throw new NeutronError(404, "HTTPNotFound", `Extension with alias ${c.req.param("alias")} does not exist`);
    return neutronJson({ extension: ext });
  });

  registerNetworks(app, state);
  registerSubnets(app, state);
  registerPorts(app, state);
  registerSecurityGroups(app, state);
  registerAgents(app, state);
  registerDhcp(app, state);
  registerQuotaDetails(app, state);
  registerRouters(app, state);
  registerQuotas(app, state);

  app.onError((err) => {
    if (err instanceof NeutronError) return neutronErrorResponse(err);
    const message = err instanceof Error ? err.message : String(err);
    return neutronErrorResponse(
      new NeutronError(500, "HTTPInternalServerError", `Request Failed: internal server error while processing your request. ${message}`),
    );
  });
  // A mounted router's notFound is not consulted: unknown paths under /v2.0 are answered here.
  app.all("/v2.0/*", () => neutronErrorResponse(errors.resourceNotFound()));
  app.notFound(() => neutronErrorResponse(errors.resourceNotFound()));
  return app;
}
