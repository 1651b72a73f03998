import { z } from "@hono/zod-openapi";
import { ApiError } from "../../errors";

/**
 * Why a clean-up step is in the plan, as a code the UI renders (en, zh-CN): a clone that still reads from the
 * orphan's snapshot is flattened first, a protected snapshot is unprotected, snapshots go before their image.
 */
export const StepWhySchema = z
  .discriminatedUnion("code", [
    z.object({
      code: z.literal("child_reads_parent"),
      params: z.object({ child: z.string(), parent: z.string().openapi({ description: "pool/name@snap" }) }),
    }),
    z.object({ code: z.literal("protected_snapshot") }),
    z.object({ code: z.literal("snapshots_block_removal") }),
    z.object({ code: z.literal("no_live_owner") }),
  ])
  .openapi("LineageStepWhy");
export type StepWhy = z.infer<typeof StepWhySchema>;

/** An upstream failure as data: the ApiError's code and the service that failed; its text stays in the audit log. */
export const UpstreamFailureSchema = z
  // Inline (no component name): a nullable reference loses its null.
  .object({ code: z.string().openapi({ example: "upstream_error" }), service: z.string().nullable().openapi({ example: "ceph" }) });
export type UpstreamFailure = z.infer<typeof UpstreamFailureSchema>;

export const STEP_ERRORS = [
  /** A clean-up's orphan has an owner again (read by id found it): params.owner, name, status. */
  "owner_found",
  /** Reading the owner failed another way (upstream), or no naming pattern names one: its absence is not proven. */
  "owner_unproven",
  /** A flatten's clone could not be read again (upstream), so its parent is not proven. */
  "clone_unreadable",
  /** A flatten's clone is no longer in the cluster. */
  "clone_gone",
  /** A flatten's clone now reads from params.parent (null: none), not the planned parent. */
  "parent_changed",
  /** After the flatten the clone still reads from params.parent (null: it could not be read back in time). */
  "still_has_parent",
  /** The Ceph Dashboard refused or failed the step (upstream). */
  "step_failed",
  /** Anything else (a bug): its text is in the audit log. */
  "internal_error",
] as const;

export const StepErrorSchema = z
  .object({
    code: z.enum(STEP_ERRORS),
    params: z
      .object({
        owner: z.enum(["glance", "nova", "cinder"]).nullable().optional(),
        name: z.string().nullable().optional(),
        status: z.string().nullable().optional(),
        parent: z.string().nullable().optional(),
      })
      .openapi({ description: "owner_found/owner_unproven: owner, name, status; parent_changed/still_has_parent: parent" }),
    upstream: UpstreamFailureSchema.nullable(),
  })
  .openapi({ description: "Why a step was refused or failed, as a code; the raw text is in the audit log only" });
export type StepError = z.infer<typeof StepErrorSchema>;

export const StepResultSchema = z
  .object({ index: z.number().int(), status: z.enum(["ok", "error", "skipped", "refused"]), error: StepErrorSchema.nullable() })
  .openapi("LineageStepResult");

/** The failure as data: an ApiError's code and service; anything else is internal_error with no service. */
export function upstreamOf(e: unknown): UpstreamFailure {
  return e instanceof ApiError ? { code: e.code, service: e.extra.service ?? null } : { code: "internal_error", service: null };
}

/** The raw text of a failure, for the audit log and the server log only. */
export const rawText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** A step's error from a failure: upstream when it is an ApiError, internal_error otherwise. */
export function stepFailed(e: unknown, code: "step_failed" | "clone_unreadable" = "step_failed"): StepError {
  return e instanceof ApiError ? { code, params: {}, upstream: upstreamOf(e) } : { code: "internal_error", params: {}, upstream: null };
}
