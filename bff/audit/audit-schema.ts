import { z } from "@hono/zod-openapi";

export const AUDIT_RESULTS = ["pending", "ok", "error", "refused"] as const;

/**
 * One step of a confirmed admin action. Its intent is written before the step runs (result `pending`), and
 * its result after: `ok`, `error` (the step failed) or `refused` (a check right before it said no).
 */
export const AuditEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.string().openapi({ description: "When the intent was written (ISO 8601)" }),
    finishedAt: z.string().nullable().openapi({ description: "When the result was written; null while pending" }),
    requestId: z.string(),
    planId: z.string().nullable(),
    userId: z.string(),
    user: z.string(),
    projectId: z.string(),
    project: z.string(),
    source: z.string().openapi({ description: "The client's address as the BFF saw it" }),
    action: z.string().openapi({ description: 'e.g. "dhcp.heal", "lineage.cleanup"' }),
    target: z.string().openapi({ description: "What the step acted on" }),
    step: z.string(),
    result: z.enum(AUDIT_RESULTS),
    detail: z.string().nullable(),
  })
  .openapi("AuditEntry");
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
export type AuditResult = (typeof AUDIT_RESULTS)[number];
