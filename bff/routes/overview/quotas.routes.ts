import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../errors";
import { QuotaUsageSchema } from "../../features/overview/schema";

export const quotas = createRoute({
  method: "get",
  path: "/overview/quotas",
  tags: ["overview"],
  summary: "The project's quota usage: Nova (compute), Cinder (volume, per volume type) and Neutron (network)",
  responses: { 200: { content: { "application/json": { schema: QuotaUsageSchema } }, description: "Quota usage" }, ...errorResponses },
});
export type QuotasRoute = typeof quotas;
