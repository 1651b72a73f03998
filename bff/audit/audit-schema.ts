import { z } from "@hono/zod-openapi";

/** One executed step of a confirmed admin action: the log's record and the API's answer alike. */
export const AuditEntrySchema = z
  .object({
    at: z.string(), requestId: z.string(), user: z.string(), project: z.string(),
    action: z.string().openapi({ description: 'e.g. "dhcp.heal", "lineage.cleanup"' }),
    target: z.string().openapi({ description: "What the step acted on" }),
    step: z.string(),
    result: z.enum(["ok", "error"]), detail: z.string().nullable(),
  })
  .openapi("AuditEntry");
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
