import { OpenAPIHono } from "@hono/zod-openapi";
import type { BffDeps } from "./deps";
import { errorBody, handleError } from "./errors";
import { createServices } from "./lib/services";
import { serverTiming } from "./lib/server-timing";
import type { AppEnv } from "./lib/types";
import { bodyLimits } from "./middleware/body-limit";
import { csrfGuard } from "./middleware/csrf";
import { requestLog } from "./middleware/request-log";
import { apiHeaders } from "./middleware/security-headers";
import { authRouter } from "./routes/auth/auth.index";
import { healthRouter } from "./routes/health/health.index";
import { overviewRouter } from "./routes/overview/overview.index";
import { systemRouter } from "./routes/system/system.index";
import { metricsRouter } from "./routes/metrics/metrics.index";
import { adminRouter } from "./routes/admin/admin.index";
import { proxyRouter } from "./routes/proxy/proxy.index";
import { bootRouter } from "./routes/boot/boot.index";
import { instancesRouter } from "./routes/instances/instances.index";
import { volumesRouter } from "./routes/volumes/volumes.index";
import { imagesRouter } from "./routes/images/images.index";
import { networksRouter } from "./routes/networks/networks.index";
import { routersRouter } from "./routes/routers/routers.index";
import { floatingIpsRouter } from "./routes/floating-ips/floating-ips.index";
import { topologyRouter } from "./routes/topology/topology.index";
import { securityGroupsRouter } from "./routes/security-groups/security-groups.index";
import { keypairsRouter } from "./routes/keypairs/keypairs.index";
import { flavorsRouter } from "./routes/flavors/flavors.index";
import { dhcpRouter } from "./routes/dhcp/dhcp.index";
import { lineageRouter } from "./routes/lineage/lineage.index";
import { rolloutsRouter } from "./routes/rollouts/rollouts.index";

export const OPENAPI_INFO = {
  openapi: "3.1.0",
  info: { title: "Zenith BFF", version: "0.1.0", description: "The backend-for-frontend of the Zenith OpenStack + Ceph dashboard." },
};

/**
 * The BFF as one Hono app under /api. Next mounts it; tests call `app.request` directly; a bench may pass the
 * services to look at what they hold.
 */
export function createApp(deps: BffDeps, services = createServices(deps)) {
  const app = new OpenAPIHono<AppEnv>({ strict: false }).basePath("/api");
  app.use("*", requestLog(services));
  app.use("*", serverTiming());
  app.use("*", apiHeaders());
  app.use("*", csrfGuard(deps.allowedOrigins, deps.publicOrigin));
  app.use("*", bodyLimits());
  const routers = [
    healthRouter,
    metricsRouter,
    authRouter,
    overviewRouter,
    systemRouter,
    adminRouter,
    bootRouter,
    instancesRouter,
    volumesRouter,
    imagesRouter,
    networksRouter,
    routersRouter,
    floatingIpsRouter,
    topologyRouter,
    securityGroupsRouter,
    keypairsRouter,
    flavorsRouter,
    lineageRouter,
    dhcpRouter,
    rolloutsRouter,
    proxyRouter,
  ];
  for (const r of routers) app.route("/", r);
  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    description: "ZENITH_METRICS_TOKEN (only /api/metrics)",
  });
  app.doc31("/openapi.json", OPENAPI_INFO);
  app.notFound((c) => c.json(errorBody(c, "not_found", `No API route ${c.req.method} ${c.req.path}.`, { field: "path" }), 404));
  app.onError(handleError);
  return app;
}

export type App = ReturnType<typeof createApp>;
