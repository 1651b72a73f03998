import { createRoute, z } from "@hono/zod-openapi";
import { AUDIT_RESULTS, AuditEntrySchema } from "../../audit/audit-schema";
import { ErrorSchema, errorResponses } from "../../errors";

const AuditQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  before: z.coerce
    .number()
    .int()
    .min(1)
    .optional()
    .openapi({ description: "Cursor: only records older than this id (the previous page's nextBefore)" }),
  user: z.string().min(1).max(255).optional(),
  action: z.string().min(1).max(100).optional(),
  result: z.enum(AUDIT_RESULTS).optional(),
});
const unavailable = {
  503: { content: { "application/json": { schema: ErrorSchema } }, description: "audit_unavailable: the audit log cannot be read" },
};

export const list = createRoute({
  method: "get",
  path: "/admin/audit",
  tags: ["admin"],
  summary: "Steps of confirmed admin actions (intent and result), newest first, a page at a time",
  request: { query: AuditQuerySchema },
  responses: {
    200: {
      content: {
        "application/json": {
          schema: z.object({ entries: z.array(AuditEntrySchema), nextBefore: z.number().int().nullable() }).openapi("AuditLog"),
        },
      },
      description: "One page of the audit log; nextBefore is the cursor of the next page, or null",
    },
    ...errorResponses,
    ...unavailable,
  },
});
export type ListRoute = typeof list;

export const exportLog = createRoute({
  method: "get",
  path: "/admin/audit/export",
  tags: ["admin"],
  summary: "The audit log (with the same filters) as JSON lines, newest first",
  request: { query: AuditQuerySchema.omit({ limit: true, before: true }) },
  responses: {
    200: { content: { "application/x-ndjson": { schema: z.string() } }, description: "One AuditEntry per line" },
    ...errorResponses,
    ...unavailable,
  },
});
export type ExportRoute = typeof exportLog;
