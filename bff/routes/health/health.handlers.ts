import { databaseReady } from "../../db/ready";
import { currentDrain } from "../../features/health/drain";
import { identityCheck, readiness } from "../../features/health/readiness";
import type { AppRouteHandler } from "../../lib/types";
import type { HealthzRoute, ReadyzRoute } from "./health.routes";

export const healthz: AppRouteHandler<HealthzRoute> = (c) => c.json({ status: "ok" as const }, 200);

export const readyz: AppRouteHandler<ReadyzRoute> = async (c) => {
  const { http, deps, db } = c.get("services");
  const [identity, database] = await Promise.all([identityCheck(http, deps.cloud.authUrl), databaseReady(db)]);
  const r = readiness({
    identity,
    database,
    sessionSecretGenerated: deps.sessionSecretGenerated === true,
    drain: currentDrain(deps.readyFile),
  });
  return r.ready ? c.json(r, 200) : c.json(r, 503);
};
