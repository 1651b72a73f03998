import { z } from "@hono/zod-openapi";
import { SERIAL_PATTERN, VERSION_PATTERN } from "./plan";

export const MessageSchema = z
  .object({
    code: z.string().openapi({ example: "rollouts.stop.capacity" }),
    params: z.record(z.string(), z.union([z.string(), z.number()])),
  })
  .openapi("RolloutMessage");

export const BackendStateSchema = z
  .object({
    /** The inventory host, and its HAProxy server name. */
    host: z.string(),
    server: z.string(),
    /** HAProxy's status column verbatim (UP, DOWN, "UP 1/2", "DOWN 1/2", MAINT, …), or "?" when not listed. */
    status: z.string().openapi({ description: "HAProxy's status column verbatim", example: "UP" }),
    /** Serving: UP, or "UP 1/2" (going down but still in rotation). */
    up: z.boolean(),
  })
  .openapi("RolloutBackend");

export const PoolSchema = z
  .object({
    name: z.string(),
    description: z.string(),
    hosts: z.array(z.string()),
    minHealthy: z.number().int(),
    drain: z.boolean(),
    backends: z.array(BackendStateSchema),
    lbError: z.string().nullable(),
  })
  .openapi("RolloutPool");

export const PoolsSchema = z
  .object({
    config: z.object({
      state: z.enum(["unconfigured", "invalid", "ok"]),
      file: z.string().optional(),
      message: z.string().optional(),
    }),
    tools: z.object({
      ansiblePlaybook: z.boolean(),
      missingPackages: z.array(z.string()).openapi({
        description: "Debian packages to install: ansible-core, and haproxy/nginx-light for the local lab when no pool is configured",
      }),
    }),
    pools: z.array(PoolSchema),
  })
  .openapi("RolloutPools");

export const StartRequestSchema = z
  .object({
    pool: z.string().min(1),
    serial: z.string().regex(SERIAL_PATTERN, "a count (1-9999) or a percentage (1%-100%)").openapi({ example: "1" }),
    maxFailPercentage: z.number().int().min(0).max(100).default(0),
    version: z
      .string()
      .regex(VERSION_PATTERN, "letters, digits, . _ + - (at most 64), starting with a letter or digit")
      .openapi({ example: "v2" }),
    dryRun: z.boolean(),
    planId: z
      .string()
      .regex(/^[0-9a-f]{16}$/)
      .optional()
      .openapi({ description: "Required with dryRun false: the plan being confirmed" }),
  })
  .openapi("RolloutStartRequest");

export const PlanSchema = z
  .object({
    dryRun: z.literal(true),
    planId: z.string(),
    pool: z.string(),
    version: z.string(),
    serial: z.string(),
    maxFailPercentage: z.number().int(),
    minHealthy: z.number().int(),
    drain: z.boolean(),
    batches: z.array(
      z.object({
        index: z.number().int(),
        hosts: z.array(z.object({ host: z.string(), server: z.string(), status: z.string() })),
        capacityLeft: z.number().int().openapi({ description: "Backends UP outside this batch, from HAProxy now" }),
        allowed: z.boolean().openapi({ description: "The capacity guard lets this batch start" }),
      }),
    ),
    guardStopsAt: z.number().int().nullable(),
  })
  .openapi("RolloutPlan");

export const StartedSchema = z.object({ dryRun: z.literal(false), id: z.string() }).openapi("RolloutStarted");

const RunStatusSchema = z.enum(["running", "succeeded", "failed", "stopped", "cancelled", "interrupted"]);
const StoppedBySchema = z.enum(["max_fail_percentage", "capacity_guard", "cancel", "timeout"]).nullable();

const CellStatusSchema = z.enum(["running", "ok", "changed", "failed", "skipped", "unreachable"]);
const VerdictSchema = z.enum(["zero_downtime", "requests_failed", "no_traffic"]);

export const RunSummarySchema = z
  .object({
    id: z.string(),
    pool: z.string(),
    version: z.string(),
    serial: z.string(),
    maxFailPercentage: z.number().int(),
    status: RunStatusSchema,
    stoppedBy: StoppedBySchema,
    startedBy: z.string(),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
    served: z.number().int(),
    failed: z.number().int(),
    retryOf: z.string().nullable(),
  })
  .openapi("RolloutRunSummary");

export const RunSchema = RunSummarySchema.extend({
  minHealthy: z.number().int(),
  drain: z.boolean(),
  stopReason: MessageSchema.nullable(),
  error: MessageSchema.nullable(),
  exitCode: z.number().int().nullable(),
  batches: z.array(z.array(z.string())),
  limitHosts: z.array(z.string()).nullable(),
  durationSeconds: z.number(),
  tasks: z.array(z.string()).openapi({ description: "Task names in the order Ansible started them (the grid's columns)" }),
  hosts: z.array(
    z.object({
      host: z.string(),
      batch: z.number().int(),
      status: z.enum(["pending", "running", "ok", "failed", "unreachable", "gated", "not_run", "interrupted"]),
      failedTask: z.string().nullable(),
      error: z.string().nullable(),
      cells: z.record(z.string(), CellStatusSchema),
    }),
  ),
  backends: z.array(BackendStateSchema),
  transitions: z.array(z.object({ host: z.string(), from: z.string().nullable(), to: z.string() })),
  verdict: VerdictSchema.nullable(),
  restore: z
    .object({ ok: z.boolean(), hosts: z.array(z.string()), log: z.string() })
    .nullable()
    .openapi({ description: "After a takeover (the replica running it died): the health files put back by the replica that took it over" }),
}).openapi("RolloutRun");

export const IdParams = z.object({
  id: z
    .string()
    .regex(/^ro-\d{14}-[0-9a-f]{8}$/, "a rollout id")
    .openapi({ param: { name: "id", in: "path" }, example: "ro-20261130044500-1a2b3c4d" }),
});

export const EventsQuery = z.object({
  after: z.coerce.number().int().min(0).optional().openapi({ description: "Resume after this event id (as Last-Event-ID does)" }),
  intervalMs: z.coerce.number().int().min(50).max(5000).default(250),
});

export type Message = z.infer<typeof MessageSchema>;
export type BackendState = z.infer<typeof BackendStateSchema>;
export type PoolView = z.infer<typeof PoolSchema>;
export type RunStatus = z.infer<typeof RunStatusSchema>;
export type StoppedBy = z.infer<typeof StoppedBySchema>;
export type CellStatus = z.infer<typeof CellStatusSchema>;
export type Verdict = z.infer<typeof VerdictSchema>;
