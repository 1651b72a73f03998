import { createRoute, z } from "@hono/zod-openapi";
import { errorResponses } from "../../errors";

export const AuditEntrySchema = z
  .object({
    at: z.string(), requestId: z.string(), user: z.string(), project: z.string(),
    action: z.string(), target: z.string(), step: z.string(),
    result: z.enum(["ok", "error"]), detail: z.string().nullable(),
  })
  .openapi("AuditEntry");

export const list = createRoute({
  method: "get", path: "/admin/audit", tags: ["admin"],
  summary: "Executed steps of confirmed admin actions, newest first",
  request: { query: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(200) }) },
  responses: {
    200: { content: { "application/json": { schema: z.object({ entries: z.array(AuditEntrySchema) }).openapi("AuditLog") } }, description: "Audit log" },
    ...errorResponses,
  },
});
export type ListRoute = typeof list;
