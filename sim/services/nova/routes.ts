import { Hono, type Context } from "hono";
import type { SimState } from "../../core/state";
import { requireToken, type SimEnv } from "../keystone/token-auth";
import type { Version } from "../common/microversion";
import { NOVA_MAX, NOVA_MIN, novaMicroversion, UNVERSIONED } from "./microversion";
import { chunkedBodyAsUpstream } from "../../core/body-framing";
import { webobNotFound } from "../common/webob";
import { registerFlavorsAndKeypairs } from "./flavors";
import { registerServers } from "./servers";
import { registerServerExtras } from "./server-extras";
import { registerVolumeAttach } from "./volume-attach";
import { registerNovaAdmin } from "./admin";
import { registerLimits } from "./limits";
import type { ViewCtx } from "./view";

type Env = SimEnv & { Variables: { mv: Version } };

/** Nova v2.1, mounted at /compute; serves /v2.1/... and the legacy /v2.1/{project_id}/... paths. */
export function novaRoutes(state: SimState) {
  const outer = new Hono();
  const versionDoc = () => ({
    id: "v2.1",
    status: "CURRENT",
    version: NOVA_MAX,
    min_version: NOVA_MIN,
    updated: "2013-07-23T11:33:21Z",
    links: [
      { href: `${state.baseUrl}/compute/v2.1/`, rel: "self" },
      { href: "http://docs.openstack.org/", rel: "describedby", type: "text/html" },
    ],
    "media-types": [{ base: "application/json", type: "application/vnd.openstack.compute+json;version=2.1" }],
  });
  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
  outer.get("/", () =>
    json({
      versions: [
        {
          id: "v2.0",
          status: "SUPPORTED",
          version: "",
          min_version: "",
          updated: "2011-01-21T11:33:21Z",
          links: [{ href: `${state.baseUrl}/compute/v2/`, rel: "self" }],
        },
        { ...versionDoc(), links: [{ href: `${state.baseUrl}/compute/v2.1/`, rel: "self" }] },
      ],
    }),
  );
  const api = new Hono<Env>();
  api.use("*", novaMicroversion());
  api.get("/", () => json({ version: versionDoc() }));
  api.use("*", requireToken(state));
  api.use("*", chunkedBodyAsUpstream("compute"));
  const ctx = (c: Context<any>): ViewCtx => {
    const a = c.get("auth");
    return { state, v: c.get("mv"), admin: a.isAdmin, now: state.clock.now(), base: state.baseUrl, projectId: a.projectId };
  };
  registerFlavorsAndKeypairs(api, state, ctx);
  registerServers(api, state, ctx);
  registerServerExtras(api, state, ctx);
  registerVolumeAttach(api, state, ctx);
  registerNovaAdmin(api, state, ctx);
  registerLimits(api, state, ctx);
  api.notFound((c) => {
    c.set(UNVERSIONED as never, true as never);
    return webobNotFound();
  });

  outer.all("/v2.1/*", (c) => forward(c, api));
  outer.all("/v2.1", (c) => forward(c, api));
  return outer;
}

function forward(c: Context, api: Hono<any>) {
  const url = new URL(c.req.url);
  const at = url.pathname.indexOf("/v2.1");
  const rest = url.pathname.slice(at + 5);
  const m = /^\/([0-9a-f]{32})(\/.*|$)/.exec(rest);
  url.pathname = m ? m[2] || "/" : rest || "/";
  return api.fetch(new Request(url, c.req.raw));
}
