import { createRoute } from "@hono/zod-openapi";
import { ErrorSchema, errorResponses } from "../../errors";
import { planConflict } from "./plan-responses";
import {
  CleanupBodySchema,
  CleanupResultSchema,
  LineageForestQuery,
  LineageSchema,
  LineageSearchQuery,
  LineageSearchSchema,
  LineageSummaryQuery,
  LineageSummarySchema,
  LineageTreeQuery,
  LineageTreeSchema,
} from "../../features/lineage/schema";

const unavailable = {
  503: {
    content: { "application/json": { schema: ErrorSchema } },
    description:
      "ceph_unavailable: details.reason is not_configured, not_answering (details.url, details.cause; then the status is 502, or 504 after a timeout), paused (the breaker is open: details.retryAfterS) or login_refused; audit_unavailable: a step's intent could not be written, so it did not run",
  },
};

const shared = "Answers from facts gathered once and shared by admin viewers for sharedForS seconds (gatheredAt says when)";

export const summary = createRoute({
  method: "get",
  path: "/admin/lineage",
  tags: ["admin"],
  summary: "Lineage summary: one row per root image (paged, filtered by q), the orphans, the walks' completeness and the space totals",
  description: `${shared}; refresh=true gathers anew. Trees come from /admin/lineage/tree when opened.`,
  request: { query: LineageSummaryQuery },
  responses: {
    200: { content: { "application/json": { schema: LineageSummarySchema } }, description: "The summary" },
    ...errorResponses,
    ...unavailable,
  },
});
export type SummaryRoute = typeof summary;

export const tree = createRoute({
  method: "get",
  path: "/admin/lineage/tree",
  tags: ["admin"],
  summary: "One root image's clone tree as depth-first rows",
  description: shared,
  request: { query: LineageTreeQuery },
  responses: {
    200: { content: { "application/json": { schema: LineageTreeSchema } }, description: "The tree" },
    404: {
      content: { "application/json": { schema: ErrorSchema } },
      description: "not_found: no tree has this root in the shared facts (refresh)",
    },
    ...errorResponses,
    ...unavailable,
  },
});
export type TreeRoute = typeof tree;

export const search = createRoute({
  method: "get",
  path: "/admin/lineage/search",
  tags: ["admin"],
  summary: "RBD images by spec, owner name or owner id, each with the root of its tree",
  description: shared,
  request: { query: LineageSearchQuery },
  responses: {
    200: { content: { "application/json": { schema: LineageSearchSchema } }, description: "Matches" },
    ...errorResponses,
    ...unavailable,
  },
});
export type SearchRoute = typeof search;

export const forest = createRoute({
  method: "get",
  path: "/admin/lineage/forest",
  tags: ["admin"],
  summary: "The whole lineage in one answer (every node): for exports and checks, not for the view (it grows with the cloud)",
  description: `${shared}; refresh=true gathers anew.`,
  request: { query: LineageForestQuery },
  responses: {
    200: { content: { "application/json": { schema: LineageSchema } }, description: "Lineage forest" },
    ...errorResponses,
    ...unavailable,
  },
});
export type ForestRoute = typeof forest;

export const cleanup = createRoute({
  method: "post",
  path: "/admin/lineage/cleanup",
  tags: ["admin"],
  summary: "Flatten-then-remove orphans: a dry run returns the plan and its planId; only the confirmed plan executes",
  request: { body: { content: { "application/json": { schema: CleanupBodySchema } }, required: true } },
  responses: {
    200: { content: { "application/json": { schema: CleanupResultSchema } }, description: "The plan (dry run) or per-step results" },
    ...planConflict,
    ...errorResponses,
    ...unavailable,
  },
});
export type CleanupRoute = typeof cleanup;
