import { readiness } from "../../features/health/readiness";
import type { AppRouteHandler } from "../../lib/types";
import type { HealthzRoute, ReadyzRoute } from "./health.routes";

export const healthz: AppRouteHandler<HealthzRoute> = (c) => c.json({ status: "ok" as const }, 200);

export const readyz: AppRouteHandler<ReadyzRoute> = async (c) => {
  const svc = c.get("services");
  const r = await readiness(svc.http, svc.deps.cloud.authUrl);
  return r.ready ? c.json(r, 200) : c.json(r, 503);
};
