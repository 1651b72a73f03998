import { createRoute } from "@hono/zod-openapi";
import { errorResponses, ErrorSchema } from "../../errors";
import { LoginSchema, SessionSchema, SwitchProjectSchema } from "../../features/auth/schema";

const tags = ["auth"];
const session = { content: { "application/json": { schema: SessionSchema } }, description: "The session" };

export const login = createRoute({
  method: "post",
  path: "/auth/login",
  tags,
  summary: "Sign in with a password or an application credential",
  request: { body: { content: { "application/json": { schema: LoginSchema } }, required: true } },
  responses: { 200: session, ...errorResponses },
});
export const getSession = createRoute({
  method: "get",
  path: "/auth/session",
  tags,
  summary: "The current session",
  responses: { 200: session, ...errorResponses },
});
export const switchProject = createRoute({
  method: "post",
  path: "/auth/project",
  tags,
  summary: "Re-scope the session to another project",
  request: { body: { content: { "application/json": { schema: SwitchProjectSchema } }, required: true } },
  responses: {
    200: session,
    409: { content: { "application/json": { schema: ErrorSchema } }, description: "Cannot re-scope" },
    ...errorResponses,
  },
});
export const logout = createRoute({
  method: "post",
  path: "/auth/logout",
  tags,
  summary: "Revoke the token and clear the cookie (401 without a session)",
  responses: { 204: { description: "Signed out" }, ...errorResponses },
});

export type LoginRoute = typeof login;
export type GetSessionRoute = typeof getSession;
export type SwitchProjectRoute = typeof switchProject;
export type LogoutRoute = typeof logout;
