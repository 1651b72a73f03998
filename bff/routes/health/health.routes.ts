import { createRoute, z } from "@hono/zod-openapi";

const tags = ["health"];
export const HealthSchema = z.object({ status: z.literal("ok") }).openapi("Health");
export const ReadinessSchema = z.object({
  ready: z.boolean(),
  checks: z.object({
    identity: z.object({ ok: z.boolean(), status: z.number().nullable(), code: z.string().nullable().openapi({ description: "upstream_unreachable, upstream_timeout, upstream_error" }) }),
  }),
}).openapi("Readiness");

export const healthz = createRoute({
  method: "get", path: "/healthz", tags, summary: "Liveness: the BFF process answers",
  responses: { 200: { content: { "application/json": { schema: HealthSchema } }, description: "Alive" } },
});
export const readyz = createRoute({
  method: "get", path: "/readyz", tags, summary: "Readiness: the cloud's Keystone is reachable",
  responses: {
    200: { content: { "application/json": { schema: ReadinessSchema } }, description: "Ready" },
    503: { content: { "application/json": { schema: ReadinessSchema } }, description: "Keystone is unreachable, timing out or failing" },
  },
});
export type HealthzRoute = typeof healthz;
export type ReadyzRoute = typeof readyz;
