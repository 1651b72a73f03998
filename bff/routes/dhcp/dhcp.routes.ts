import { createRoute, z } from "@hono/zod-openapi";
import { ErrorSchema, errorResponses } from "../../errors";
import { DhcpAuditQuery, DhcpAuditSchema, HealPlanSchema, HealRequestSchema, HealResultSchema } from "./dhcp.schemas";

export const audit = createRoute({
  method: "get", path: "/admin/dhcp", tags: ["admin"],
  summary: "DHCP-agent HA per network: alive admin-up hosting agents against a target, and the agents",
  request: { query: DhcpAuditQuery },
  responses: { 200: { content: { "application/json": { schema: DhcpAuditSchema } }, description: "The audit" }, ...errorResponses },
});
export type AuditRoute = typeof audit;

export const heal = createRoute({
  method: "post", path: "/admin/dhcp/heal", tags: ["admin"],
  summary: "Plan (dryRun true) or execute a confirmed plan (dryRun false, planId) adding DHCP agents to under-target networks",
  request: { body: { content: { "application/json": { schema: HealRequestSchema } }, required: true } },
  responses: {
    200: { content: { "application/json": { schema: z.union([HealPlanSchema, HealResultSchema]) } }, description: "The plan, or each step's result" },
    404: { content: { "application/json": { schema: ErrorSchema } }, description: "A requested network does not exist" },
    409: { content: { "application/json": { schema: ErrorSchema } }, description: "plan_changed: fresh state gives a different plan" },
    ...errorResponses,
  },
});
export type HealRoute = typeof heal;
