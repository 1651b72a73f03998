import { createRoute, z } from "@hono/zod-openapi";
import { ErrorSchema, errorResponses } from "../../errors";
import {
  EventsQuery,
  IdParams,
  PlanSchema,
  PoolsSchema,
  RunSchema,
  RunSummarySchema,
  StartedSchema,
  StartRequestSchema,
} from "../../features/rollouts/schema";

const tags = ["admin"];
const json = <T extends z.ZodType>(schema: T, description: string) => ({ content: { "application/json": { schema } }, description });
const err = (description: string) => json(ErrorSchema, description);

export const pools = createRoute({
  method: "get",
  path: "/admin/rollouts/pools",
  tags,
  summary:
    "The configured pools (ZENITH_ROLLOUTS_CONFIG) with each backend's live HAProxy state, and whether ansible-playbook is installed",
  responses: { 200: json(PoolsSchema, "Pools"), ...errorResponses },
});

export const list = createRoute({
  method: "get",
  path: "/admin/rollouts",
  tags,
  summary: "Rollout runs, newest first",
  request: { query: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }) },
  responses: { 200: json(z.object({ runs: z.array(RunSummarySchema) }).openapi("RolloutRuns"), "Runs"), ...errorResponses },
});

export const start = createRoute({
  method: "post",
  path: "/admin/rollouts",
  tags,
  summary:
    "Plan (dryRun true: batches, hosts in order, capacity left per batch, planId) or start the confirmed plan (dryRun false with planId)",
  request: { body: { content: { "application/json": { schema: StartRequestSchema } }, required: true } },
  responses: {
    200: json(z.union([PlanSchema, StartedSchema]), "The plan, or the started run's id"),
    404: err("No such pool"),
    409: err(
      "plan_changed, a run is already in progress on the pool, or rollouts are not configured here (rollouts_unconfigured, ansible_missing)",
    ),
    503: err("HAProxy does not answer"),
    ...errorResponses,
  },
});

export const getOne = createRoute({
  method: "get",
  path: "/admin/rollouts/{id}",
  tags,
  summary: "One run: status, stoppedBy and why, per-host results, the host × task grid, LB transitions, probe counts",
  request: { params: IdParams },
  responses: { 200: json(RunSchema, "The run"), 404: err("No such run"), ...errorResponses },
});

export const events = createRoute({
  method: "get",
  path: "/admin/rollouts/{id}/events",
  tags,
  summary:
    "Server-sent events in time order: ansible, lb, guard, probe, status; each with an id, resumable with Last-Event-ID; `end` when the run is over",
  request: { params: IdParams, query: EventsQuery },
  responses: {
    200: {
      content: { "text/event-stream": { schema: z.string().openapi({ description: "id: <seq>\\nevent: <type>\\ndata: <JSON>" }) } },
      description: "The event stream",
    },
    404: err("No such run"),
    ...errorResponses,
  },
});

export const cancel = createRoute({
  method: "post",
  path: "/admin/rollouts/{id}/cancel",
  tags,
  summary:
    "Cancel a running rollout: its running tasks are stopped, each host's always section restores its health file, no further batch starts",
  request: { params: IdParams },
  responses: { 200: json(RunSchema, "The run"), 404: err("No such run"), 409: err("The run is not running"), ...errorResponses },
});

export const retry = createRoute({
  method: "post",
  path: "/admin/rollouts/{id}/retry",
  tags,
  summary: "Start a new run limited to the failed hosts of a finished run",
  request: { params: IdParams },
  responses: {
    200: json(StartedSchema, "The new run's id"),
    404: err("No such run"),
    409: err("Still running, or no failed hosts"),
    503: err("Not available"),
    ...errorResponses,
  },
});

export type PoolsRoute = typeof pools;
export type ListRoute = typeof list;
export type StartRoute = typeof start;
export type GetOneRoute = typeof getOne;
export type EventsRoute = typeof events;
export type CancelRoute = typeof cancel;
export type RetryRoute = typeof retry;
