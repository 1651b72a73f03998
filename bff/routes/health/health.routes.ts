import { createRoute } from "@hono/zod-openapi";
import { HealthSchema, ReadinessSchema } from "../../features/health/schema";

const tags = ["health"];
export const healthz = createRoute({
  method: "get",
  path: "/healthz",
  tags,
  summary: "Liveness: the BFF process answers",
  responses: { 200: { content: { "application/json": { schema: HealthSchema } }, description: "Alive" } },
});
export const readyz = createRoute({
  method: "get",
  path: "/readyz",
  tags,
  summary: "Readiness: Keystone and the database answer, the session secret is configured, and the replica is not draining",
  responses: {
    200: { content: { "application/json": { schema: ReadinessSchema } }, description: "Ready" },
    503: {
      content: { "application/json": { schema: ReadinessSchema } },
      description: "Not ready: the failing check names why (Keystone, database, session secret, or draining)",
    },
  },
});
export type HealthzRoute = typeof healthz;
export type ReadyzRoute = typeof readyz;
