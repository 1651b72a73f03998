import { ApiError } from "../../errors";
import { clearSession, readSession, writeSession } from "../../session/cookie";
import { clientAddress } from "../../lib/client-address";
import { unauthenticated } from "../../middleware/session";
import { readLastProject, writeLastProject } from "../../session/last-project";
import type { AppRouteHandler } from "../../lib/types";
import type { GetSessionRoute, LoginRoute, LogoutRoute, SwitchProjectRoute } from "./auth.routes";

export const login: AppRouteHandler<LoginRoute> = async (c) => {
  const svc = c.get("services");
  const input = c.req.valid("json");
  const user =
    "applicationCredentialId" in input ? `appcred:${input.applicationCredentialId}` : `${input.userDomain ?? ""}/${input.username}`;
  const address = clientAddress(c);
  const wait = svc.loginLimiter.retryAfter(user, address);
  if (wait > 0) {
    c.header("Retry-After", String(wait));
    throw new ApiError(429, "too_many_attempts", `Too many failed sign-ins for this user or from this address; try again in ${wait} s.`, {
      details: { retryAfterS: wait },
    });
  }
  try {
    const s = await svc.sessions.login(input, { lastProject: readLastProject(c) });
    svc.loginLimiter.succeeded(user);
    await writeSession(c, svc.deps, s.sealed);
    writeLastProject(c, s.body.user.id, s.projectId);
    return c.json(svc.sessions.toSession(s), 200);
  } catch (e) {
    if (e instanceof ApiError && e.extra.service === "identity" && (e.status === 401 || e.status === 404)) {
      svc.loginLimiter.failed(user, address);
      throw new ApiError(
        401,
        "invalid_credentials",
        "Wrong username, password or credential, or no access to that project (Keystone answered 401).",
        { service: "identity" },
      );
    }
    throw e;
  }
};

export const getSession: AppRouteHandler<GetSessionRoute> = (c) => c.json(c.get("services").sessions.toSession(c.get("session")), 200);

export const switchProject: AppRouteHandler<SwitchProjectRoute> = async (c) => {
  const svc = c.get("services");
  const s = await svc.sessions.rescope(c.get("session"), c.req.valid("json").projectId);
  await writeSession(c, svc.deps, s.sealed);
  writeLastProject(c, s.body.user.id, s.projectId);
  return c.json(svc.sessions.toSession(s), 200);
};

export const logout: AppRouteHandler<LogoutRoute> = async (c) => {
  const svc = c.get("services");
  const sealed = await readSession(c, svc.deps);
  // Without a session there is nothing to sign out of: 401 like every other route but sign-in (a cookie that
  // does not unseal is cleared all the same).
  if (!sealed) {
    clearSession(c);
    return unauthenticated(c);
  }
  // The cookie goes whatever Keystone says: a failed revoke is still reported (502 naming identity), signed out.
  try {
    await svc.sessions.logout(sealed);
  } finally {
    clearSession(c);
  }
  return c.body(null, 204);
};
