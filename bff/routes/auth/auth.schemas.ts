import { z } from "@hono/zod-openapi";

export const PasswordLoginSchema = z
  .object({
    username: z.string().min(1, "username is required").max(255),
    password: z.string().min(1, "password is required").max(4096),
    userDomain: z.string().min(1).max(255).optional().openapi({ example: "Default" }),
    project: z.string().min(1).max(255).optional().openapi({ description: "Project name or id. When omitted: the user's default project, else the last one used (a cookie), else one where the user holds admin, else the first" }),
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
