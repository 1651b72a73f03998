import { createRoute, z } from "@hono/zod-openapi";
import { ErrorSchema, errorResponses } from "../../errors";
import {
  DhcpAuditQuery,
  DhcpNetworkPageSchema,
  DhcpNetworksQuery,
  DhcpSummarySchema,
  HealPlanSchema,
  HealRequestSchema,
  HealResultSchema,
} from "../../features/dhcp/schema";

const shared = "Answers from Neutron facts read once and shared by admin viewers for sharedForS seconds (gatheredAt says when)";

export const audit = createRoute({
  method: "get",
  path: "/admin/dhcp",
  tags: ["admin"],
  summary: "DHCP-agent HA summary: counts per verdict, the first below-target networks, the agents with their heartbeats",
  description: `${shared}; refresh=true reads anew. Every network, paged and filtered: /admin/dhcp/networks.`,
  request: { query: DhcpAuditQuery },
  responses: { 200: { content: { "application/json": { schema: DhcpSummarySchema } }, description: "The summary" }, ...errorResponses },
});
export type AuditRoute = typeof audit;

export const networks = createRoute({
  method: "get",
  path: "/admin/dhcp/networks",
  tags: ["admin"],
  summary: "Networks with their hosting agents and verdict against a target, paged and filtered",
  description: shared,
  request: { query: DhcpNetworksQuery },
  responses: {
    200: { content: { "application/json": { schema: DhcpNetworkPageSchema } }, description: "One page of networks" },
    ...errorResponses,
  },
});
export type NetworksRoute = typeof networks;

export const heal = createRoute({
  method: "post",
  path: "/admin/dhcp/heal",
  tags: ["admin"],
  summary: "Plan (dryRun true) or execute a confirmed plan (dryRun false, planId) adding DHCP agents to under-target networks",
  request: { body: { content: { "application/json": { schema: HealRequestSchema } }, required: true } },
  responses: {
    200: {
      content: { "application/json": { schema: z.union([HealPlanSchema, HealResultSchema]) } },
      description: "The plan, or each step's result",
    },
    404: { content: { "application/json": { schema: ErrorSchema } }, description: "A requested network does not exist" },
    409: { content: { "application/json": { schema: ErrorSchema } }, description: "plan_changed: fresh state gives a different plan" },
    ...errorResponses,
  },
});
export type HealRoute = typeof heal;
