import { z } from "@hono/zod-openapi";
import { factsStampFields } from "../../lib/facts-stamp-schema";
import { FanoutBenchSchema } from "./fanout-bench-schema";
import { CoverageSchema } from "./coverage-schema";

export const RunStateSchema = z
  .object({
    state: z.enum(["running", "stopped", "unknown"]),
    certainty: z.enum(["proven", "unknown"]),
    reason: z.enum(["server_status", "volume_attached", "volume_detached", "glance_image", "orphan", "owner_unknown"]),
    status: z.string().nullable().openapi({ description: "The owner's own status word (Nova's or Cinder's), when read" }),
  })
  .openapi("RunState", { description: "Whether the image's owner runs (reads it now); unknown is never shown as stopped" });

const Bytes = z
  .object({
    bytes: z.number().nullable(),
    basis: z.enum(["estimate", "upper_bound", "unknown"]),
  })
  .openapi("FanoutBytes", {
    description:
      "estimate: provisioned − the clone's own used bytes (the Ceph Dashboard's disk_usage); upper_bound: its own usage is not read (usage-policy), so at most min(provisioned, the parent's used bytes); unknown: neither is known",
  });

const Owner = z.object({ type: z.enum(["glance", "nova", "cinder"]), id: z.string(), name: z.string() }).nullable();

export const FanoutCloneSchema = z
  .object({
    spec: z.string(),
    kind: z.enum(["image", "instance-snapshot", "root-disk", "volume", "other"]),
    owner: Owner,
    run: RunStateSchema,
    chainDepth: z
      .number()
      .int()
      .openapi({ description: "Clones between the tree's root image and this one, itself included (1: a clone of an image)" }),
    provisionedBytes: z.number(),
    usedBytes: z.number().nullable(),
    inParent: Bytes,
  })
  .openapi("FanoutClone");

const Count = z.object({ total: z.number().int(), running: z.number().int(), stopped: z.number().int(), unknown: z.number().int() });

export const FanoutRowSchema = z
  .object({
    parent: z.string().openapi({ description: "pool/name@snap: the snapshot its clones read from" }),
    image: z.string(),
    snap: z.string(),
    protected: z.boolean(),
    kind: z.enum(["image", "instance-snapshot", "root-disk", "volume", "other"]),
    owner: Owner,
    root: z.string().nullable().openapi({ description: "The root image of its tree, when it hangs under one" }),
    parentDepth: z.number().int().openapi({ description: "0: the parent is not a clone; n: it is a clone n levels down" }),
    parentUsedBytes: z.number().nullable(),
    clones: z.array(FanoutCloneSchema).openapi({
      description: "Direct clones, busiest first (running, then bytes still in the parent): the first `clones` of them (query)",
    }),
    direct: Count,
    indirect: Count.extend({
      maxDepth: z.number().int().openapi({ description: "How far below this snapshot the chain goes (1: direct clones only)" }),
    }),
    runningInParent: Bytes.openapi({ description: "Bytes running direct clones still read from this parent (the sort key)" }),
    over: z.object({ runningClones: z.boolean(), parentBytes: z.boolean() }),
  })
  .openapi("FanoutRow");

export const FanoutLimitsSchema = z
  .object({
    maxRunningClones: z.number().int(),
    maxParentBytes: z.number(),
    parallelFlattens: z.number().int(),
  })
  .openapi("FanoutLimits", {
    description: "ZENITH_FANOUT_MAX_RUNNING_CLONES, ZENITH_FANOUT_MAX_PARENT_BYTES, ZENITH_FANOUT_PARALLEL_FLATTENS",
  });

export const FlattenAdviceSchema = z
  .object({
    parent: z.string(),
    clones: z.array(z.string()).openapi({ description: "The busiest running clones to flatten, until the parent is within the limits" }),
    bytesToCopy: Bytes,
    seconds: z.object({ p50: z.number(), p90: z.number() }).nullable().openapi({ description: "bytesToCopy ÷ the learned throughput" }),
    timeUnknown: z.enum(["bytes_unknown", "throughput_unavailable"]).nullable().openapi({
      description:
        "Why seconds is null: the bytes to copy are unknown, or the throughput could not be read (Fanout.throughput says which service failed)",
    }),
    spaceAfterBytes: z
      .number()
      .openapi({ description: "Their provisioned bytes: the most the flattened images take (sparse parents take less)" }),
    runningFlattens: z.number().int().openapi({ description: "Of clones, those whose owner runs: the flatten works, but costs it I/O" }),
    parallel: z.number().int(),
  })
  .openapi("FlattenAdvice");

export const FanoutBenchStateSchema = z
  .discriminatedUnion("state", [
    z.object({ state: z.literal("measured"), result: FanoutBenchSchema }),
    z.object({
      state: z.literal("not_measured"),
      reason: z.enum(["no_result", "other_cluster", "invalid", "ceph_unavailable"]),
    }),
  ])
  .openapi("FanoutBenchState");

export const FanoutThroughputSchema = z
  .discriminatedUnion("source", [
    z.object({
      source: z.enum(["learned", "default"]),
      bytesPerSecond: z.object({ p50: z.number(), p90: z.number() }),
      samples: z.number().int(),
    }),
    z.object({
      source: z.literal("unavailable"),
      service: z.string().nullable().openapi({ description: "The upstream service whose read failed (volume: Cinder's volume list)" }),
      code: z
        .string()
        .openapi({ description: "The failure's error code (upstream_error, upstream_timeout, …); its text is in the server log" }),
    }),
  ])
  .openapi("FanoutThroughput", {
    description: "The copy throughput flatten times use, as boot learns it from Cinder; unavailable: the times are unknown",
  });

export const FanoutQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
  clones: z.coerce
    .number()
    .int()
    .min(0)
    .max(5000)
    .default(50)
    .openapi({ description: "Direct clones listed per row, busiest first (the counts always cover all of them)" }),
  refresh: z.enum(["true", "false"]).optional(),
});

export const FanoutSchema = z
  .object({
    ...factsStampFields("Lineage facts", "gathers"),
    limits: FanoutLimitsSchema,
    total: z.number().int(),
    offset: z.number().int(),
    rows: z.array(FanoutRowSchema),
    advice: z.array(FlattenAdviceSchema).openapi({ description: "One per row (of this page) above a limit" }),
    throughput: FanoutThroughputSchema,
    bench: FanoutBenchStateSchema,
    // The gather's coverage, as Lineage's: a walk that did not reach its end makes owners (and run states) in its pool unknown.
    coverage: CoverageSchema,
  })
  .openapi("Fanout");

export type FanoutRow = z.infer<typeof FanoutRowSchema>;
export type FanoutClone = z.infer<typeof FanoutCloneSchema>;
export type FanoutLimits = z.infer<typeof FanoutLimitsSchema>;
export type FlattenAdvice = z.infer<typeof FlattenAdviceSchema>;
export type FanoutBytes = z.infer<typeof Bytes>;
export type FanoutThroughput = z.infer<typeof FanoutThroughputSchema>;
