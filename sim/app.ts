import { Hono } from "hono";
import type { SimState } from "./core/state";
import { faultInjection } from "./core/fault-middleware";
import { chunkedBodyAsUpstream } from "./core/body-framing";
import { countRequests } from "./core/request-counter";
import { keystoneRoutes } from "./services/keystone/routes";
import { neutronRoutes } from "./services/neutron/routes";
import { novaRoutes } from "./services/nova/routes";
import { glanceRoutes } from "./services/glance/routes";
import { cinderRoutes } from "./services/cinder/routes";
import { cephDashboardRoutes } from "./services/ceph/dashboard";
import { controlRoutes } from "./control";
import { cephEffects } from "./effects";
import { registerConsolePage } from "./console-page";

export interface SimAppOptions {
  /** The caller's address, for the loopback-only controls. */
  remoteAddress?: (req: Request) => string | undefined;
}

/** The embedded cloud: every service under its DevStack-like path, plus /_sim controls. */
export function createSimApp(state: SimState, opts: SimAppOptions = {}) {
  const app = new Hono();
  const mount = (path: string, service: string, router: Hono<any>) => {
    app.use(`${path}/*`, faultInjection(state, service, path)); // `path/*` also matches the bare path: one fault per request
    app.route(path, router);
  };
  for (const [path, service] of [
    ["/identity", "identity"],
    ["/networking", "networking"],
    ["/compute", "compute"],
    ["/image", "image"],
    ["/volume", "volume"],
    ["/ceph", "ceph"],
  ] as const) {
    app.use(`${path}/*`, countRequests(state.requests, service, path)); // also matches the bare path
  }
  for (const [path, service] of [
    ["/identity", "identity"],
    ["/ceph", "ceph"],
  ] as const) {
    app.use(`${path}/*`, chunkedBodyAsUpstream(service));
  }
  mount("/identity", "identity", keystoneRoutes(state));
  mount("/networking", "networking", neutronRoutes(state));
  mount("/compute", "compute", novaRoutes(state));
  mount("/image", "image", glanceRoutes(state));
  mount("/volume", "volume", cinderRoutes(state));
  mount("/ceph", "ceph", cephDashboardRoutes(state, cephEffects(state)));
  registerConsolePage(app, state);
  app.route("/_sim", controlRoutes(state, opts.remoteAddress ?? (() => undefined)));
  app.get("/", (c) => c.json({ name: "zenith-sim", services: ["/identity", "/networking", "/compute", "/image", "/volume", "/ceph"] }));
  return app;
}
