import { z } from "@hono/zod-openapi";

export const HealthSchema = z.object({ status: z.literal("ok") }).openapi("Health");
export const ReadinessSchema = z
  .object({
    ready: z.boolean(),
    checks: z.object({
      identity: z.object({
        ok: z.boolean(),
        status: z.number().nullable(),
        code: z.string().nullable().openapi({ description: "upstream_unreachable, upstream_timeout, upstream_error" }),
      }),
    }),
  })
  .openapi("Readiness");

export type Readiness = z.infer<typeof ReadinessSchema>;
