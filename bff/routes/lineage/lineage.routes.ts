import { createRoute } from "@hono/zod-openapi";
import { ErrorSchema, errorResponses } from "../../errors";
import { CleanupBodySchema, CleanupResultSchema, LineageSchema } from "./lineage.schemas";

const unavailable = { 503: { content: { "application/json": { schema: ErrorSchema } }, description: "ceph_unavailable: details.reason is not_configured, not_answering (details.url, details.cause; then the status is 502, or 504 after a timeout), paused (the breaker is open: details.retryAfterS) or login_refused; audit_unavailable: a step's intent could not be written, so it did not run" } };

export const get = createRoute({
  method: "get", path: "/admin/lineage", tags: ["admin"],
  summary: "Parent/child trees of Glance images in Ceph, with orphans (leftovers of deleted resources)",
  responses: {
    200: { content: { "application/json": { schema: LineageSchema } }, description: "Lineage forest" },
    ...errorResponses, ...unavailable,
  },
});
export type GetRoute = typeof get;

export const cleanup = createRoute({
  method: "post", path: "/admin/lineage/cleanup", tags: ["admin"],
  summary: "Flatten-then-remove orphans: a dry run returns the plan and its planId; only the confirmed plan executes",
  request: { body: { content: { "application/json": { schema: CleanupBodySchema } }, required: true } },
  responses: {
    200: { content: { "application/json": { schema: CleanupResultSchema } }, description: "The plan (dry run) or per-step results" },
    409: { content: { "application/json": { schema: ErrorSchema } }, description: "plan_changed: Ceph changed since the dry run; plan_expired: unknown or older than 10 minutes; plan_running: another execution works on one of these images (403 plan_not_yours: another user made this plan)" },
    ...errorResponses, ...unavailable,
  },
});
export type CleanupRoute = typeof cleanup;
