import { createRoute, z } from "@hono/zod-openapi";
import { errorResponses } from "../../errors";

export const ServiceProbeSchema = z
  .object({
    type: z.string(),
    name: z.string(),
    url: z.string(),
    reachable: z.boolean(),
    latencyMs: z.number().nullable(),
    status: z.number().nullable(),
    version: z.object({ id: z.string(), status: z.string(), minVersion: z.string().nullable(), maxVersion: z.string().nullable() }).nullable(),
    error: z.string().nullable(),
  })
  .openapi("ServiceProbe");

export const list = createRoute({
  method: "get", path: "/admin/services", tags: ["admin"],
  summary: "Each catalog service: endpoint, version document, microversion range, reachability and latency",
  responses: {
    200: { content: { "application/json": { schema: z.object({ services: z.array(ServiceProbeSchema) }).openapi("ServiceProbes") } }, description: "Probes" },
    ...errorResponses,
  },
});
export type ListRoute = typeof list;
