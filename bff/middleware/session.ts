import type { Context, MiddlewareHandler } from "hono";
import { ApiError, errorBody } from "../errors";
import { SESSION_COOKIE, clearSession, readSession } from "../session/cookie";
import type { AppEnv } from "../lib/types";
import { cloudClients } from "../openstack/clients";

/** The 401 for a request without a session, naming the cookie it lacks. */
export const unauthenticated = (c: Context) =>
  c.json(errorBody(c, "unauthenticated", "Sign in to continue.", { field: `cookie.${SESSION_COOKIE}` }), 401);

/** Loads and validates the session; 401 `unauthenticated` without one, `session_expired` when Keystone says so. */
export const requireSession: MiddlewareHandler<AppEnv> = async (c, next) => {
  // Routers that each guard their own paths can overlap (/admin/* and /admin/dhcp): the first one validates.
  if (c.get("session")) return next();
  const svc = c.get("services");
  const sealed = await readSession(c, svc.deps);
  if (!sealed) return unauthenticated(c);
  try {
    const session = await svc.sessions.resolve(sealed);
    c.set("session", session);
    c.set("clients", cloudClients(svc, session));
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      clearSession(c);
      return c.json(errorBody(c, e.code, e.message, e.extra), 401);
    }
    throw e;
  }
  await next();
  // Any upstream 401 during the request means Keystone revoked the token: forget it and end the session.
  if (c.res.status === 401) {
    svc.sessions.evict(sealed.token);
    clearSession(c);
  }
};

/** Admin routes are gated on the token's roles, never on the UI. */
export const requireAdmin: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.get("session").isAdmin) return c.json(errorBody(c, "forbidden", "This needs the admin role in the current project."), 403);
  await next();
};
