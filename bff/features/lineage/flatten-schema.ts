import { z } from "@hono/zod-openapi";
import { RunStateSchema } from "./fanout-schema";
import { StepResultSchema } from "./step-codes";

const spec = z
  .string()
  .regex(/^[A-Za-z0-9._-]+\/[^/@\s]+$/, "expected pool/name")
  .max(300);

export const FlattenBodySchema = z
  .object({
    clones: z.array(spec).min(1).max(200).openapi({ description: "pool/name of each clone to flatten" }),
    dryRun: z.boolean(),
    planId: z
      .string()
      .regex(/^[0-9a-f]{16}$/)
      .optional(),
  })
  .openapi("LineageFlattenRequest");

export const FlattenStepSchema = z
  .object({
    image: z.string(),
    parent: z.string().openapi({ description: "pool/name@snap it reads from: proven again before its flatten" }),
    run: RunStateSchema,
    bytes: z.object({ bytes: z.number().nullable(), basis: z.enum(["estimate", "upper_bound", "unknown"]) }),
    provisionedBytes: z.number(),
  })
  .openapi("LineageFlattenStep");

export const FlattenNoteSchema = z.discriminatedUnion("code", [
  z.object({ code: z.literal("running_flatten_io"), params: z.object({ count: z.number().int() }) }),
  z.object({ code: z.literal("parallel_limit"), params: z.object({ parallel: z.number().int() }) }),
]);

export const FlattenResultSchema = z
  .object({
    dryRun: z.boolean(),
    planId: z.string(),
    steps: z.array(FlattenStepSchema),
    notes: z.array(FlattenNoteSchema),
    parallel: z.number().int(),
    results: z.array(StepResultSchema).nullable(),
    ok: z.boolean().nullable().openapi({ description: "null on a dry run; false when a step failed or was refused" }),
  })
  .openapi("LineageFlatten");
