import { createRoute } from "@hono/zod-openapi";
import { ServiceProbesSchema } from "../../features/system/schema";
import { errorResponses } from "../../errors";

export const list = createRoute({
  method: "get",
  path: "/admin/services",
  tags: ["admin"],
  summary: "Each catalog service: endpoint, version document, microversion range, reachability and latency",
  responses: {
    200: { content: { "application/json": { schema: ServiceProbesSchema } }, description: "Probes" },
    ...errorResponses,
  },
});
export type ListRoute = typeof list;
