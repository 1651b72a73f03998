import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../errors";
import { QuotaUsageSchema, RecentActionsSchema } from "../../features/overview/schema";

export const quotas = createRoute({
  method: "get",
  path: "/overview/quotas",
  tags: ["overview"],
  summary: "The project's quota usage: Nova (compute), Cinder (volume, per volume type) and Neutron (network)",
  responses: { 200: { content: { "application/json": { schema: QuotaUsageSchema } }, description: "Quota usage" }, ...errorResponses },
});
export type QuotasRoute = typeof quotas;

export const recentActions = createRoute({
  method: "get",
  path: "/overview/recent-actions",
  tags: ["overview"],
  summary: "The project's recent instance actions (os-instance-actions of its most recently updated servers), the user's own flagged",
  responses: {
    200: { content: { "application/json": { schema: RecentActionsSchema } }, description: "Recent actions" },
    ...errorResponses,
  },
});
export type RecentActionsRoute = typeof recentActions;
