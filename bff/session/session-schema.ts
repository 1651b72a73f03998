import { z } from "@hono/zod-openapi";

const Domain = z.object({ id: z.string(), name: z.string() });

export const SessionSchema = z
  .object({
    user: z.object({ id: z.string(), name: z.string(), domain: Domain }),
    project: z.object({ id: z.string(), name: z.string(), domain: Domain }),
    roles: z.array(z.string()),
    isAdmin: z.boolean(),
    region: z.string(),
    expiresAt: z.string().openapi({ description: "Keystone token expiry (ISO 8601)" }),
    projects: z.array(z.object({ id: z.string(), name: z.string(), domainId: z.string() })),
    authMethod: z.enum(["password", "application_credential"]),
  })
  .openapi("Session");
export type Session = z.infer<typeof SessionSchema>;
