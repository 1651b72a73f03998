import { z } from "@hono/zod-openapi";

export const HealthSchema = z.object({ status: z.literal("ok") }).openapi("Health");
const Check = z.object({ ok: z.boolean(), code: z.string().nullable() });
export const ReadinessSchema = z
  .object({
    ready: z.boolean(),
    checks: z.object({
      identity: z.object({
        ok: z.boolean(),
        status: z.number().nullable(),
        code: z.string().nullable().openapi({ description: "upstream_unreachable, upstream_timeout, upstream_error" }),
      }),
      database: Check.openapi({ description: "The shared state's database answers; code database_unavailable" }),
      sessionSecret: Check.openapi({
        description: "ZENITH_SESSION_SECRET is configured (every replica opens every replica's cookies); code session_secret_generated",
      }),
      drain: Check.openapi({ description: "Not draining; code draining_signal (SIGUSR2) or ready_file_missing (ZENITH_READY_FILE)" }),
    }),
  })
  .openapi("Readiness");

export type Readiness = z.infer<typeof ReadinessSchema>;
export type IdentityCheck = Readiness["checks"]["identity"];
