import { getCookie, setCookie } from "hono/cookie";
import type { Context } from "hono";
import { isHttps } from "./cookie";

/**
 * The last project a user worked in, so the next sign-in lands there (no secret: a user id and a project id).
 * Kept across sign-outs; read only for the same user.
 */
export const LAST_PROJECT_COOKIE = "zenith_last_project";
const MAX_AGE = 365 * 24 * 3600;
const ID = /^[0-9A-Za-z_-]{1,64}$/;

export function readLastProject(c: Context): { userId: string; projectId: string } | null {
  const [userId, projectId, extra] = (getCookie(c, LAST_PROJECT_COOKIE) ?? "").split(":");
  return userId && projectId && extra === undefined && ID.test(userId) && ID.test(projectId) ? { userId, projectId } : null;
}

export function writeLastProject(c: Context, userId: string, projectId: string): void {
  setCookie(c, LAST_PROJECT_COOKIE, `${userId}:${projectId}`, {
    httpOnly: true,
    sameSite: "Lax",
    secure: isHttps(c),
    path: "/",
    maxAge: MAX_AGE,
  });
}
