import { z } from "@hono/zod-openapi";

export const PasswordLoginSchema = z
  .object({
    username: z.string().min(1, "username is required").max(255),
    password: z.string().min(1, "password is required").max(4096),
    userDomain: z.string().min(1).max(255).optional().openapi({ example: "Default" }),
    project: z.string().min(1).max(255).optional().openapi({
      description:
        "Project name or id. When omitted: the user's default project, else the last one used (a cookie), else one where the user holds admin, else the first",
    }),
  })
  .strict()
  .openapi("PasswordLogin", { example: { username: "demo", password: "zenith-demo" } });

export const AppCredentialLoginSchema = z
  .object({
    applicationCredentialId: z.string().min(1).max(255),
    applicationCredentialSecret: z.string().min(1).max(4096),
  })
  .strict()
  .openapi("ApplicationCredentialLogin");

export const LoginSchema = z.union([PasswordLoginSchema, AppCredentialLoginSchema]).openapi("Login");

export const SwitchProjectSchema = z
  .object({ projectId: z.string().min(1).max(64) })
  .strict()
  .openapi("SwitchProject");

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
export type LoginInput = z.infer<typeof LoginSchema>;
