import { createRoute, z } from "@hono/zod-openapi";
import { AuditEntrySchema } from "../../audit/audit-schema";
import { errorResponses } from "../../errors";

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
