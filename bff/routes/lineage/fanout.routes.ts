import { createRoute } from "@hono/zod-openapi";
import { ErrorSchema, errorResponses } from "../../errors";
import { planConflict } from "./plan-responses";
import { FanoutQuery, FanoutSchema } from "../../features/lineage/fanout-schema";
import { FlattenBodySchema, FlattenResultSchema } from "../../features/lineage/flatten-schema";

const unavailable = {
  503: {
    content: { "application/json": { schema: ErrorSchema } },
    description:
      "ceph_unavailable: the Ceph Dashboard is not configured or not answering; audit_unavailable: a step's intent could not be written, so it did not run",
  },
};

export const fanout = createRoute({
  method: "get",
  path: "/admin/lineage/fanout",
  tags: ["admin"],
  summary: "Fan-out per parent snapshot: its clones by owner state, the chain below it, the bytes running clones still read from it",
  description:
    "From the shared Lineage facts (refresh=true gathers anew). Sorted by the bytes running clones still read from each parent; rows above the configured limits carry flatten advice with its cost; bench is the fan-out bench's result when it ran against this cluster.",
  request: { query: FanoutQuery },
  responses: {
    200: { content: { "application/json": { schema: FanoutSchema } }, description: "The fan-out" },
    ...errorResponses,
    ...unavailable,
  },
});
export type FanoutRoute = typeof fanout;

export const flatten = createRoute({
  method: "post",
  path: "/admin/lineage/flatten",
  tags: ["admin"],
  summary: "Flatten clones off a busy parent: a dry run returns the plan and its planId; only the confirmed plan executes",
  request: { body: { content: { "application/json": { schema: FlattenBodySchema } }, required: true } },
  responses: {
    200: { content: { "application/json": { schema: FlattenResultSchema } }, description: "The plan (dry run) or per-step results" },
    ...planConflict,
    ...errorResponses,
    ...unavailable,
  },
});
export type FlattenRoute = typeof flatten;
