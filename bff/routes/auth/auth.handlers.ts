import { ApiError } from "../../errors";
import { clearSession, readSession, writeSession } from "../../session/cookie";
import { readLastProject, writeLastProject } from "../../session/last-project";
import type { AppRouteHandler } from "../../lib/types";
import type { GetSessionRoute, LoginRoute, LogoutRoute, SwitchProjectRoute } from "./auth.routes";

export const login: AppRouteHandler<LoginRoute> = async (c) => {
  const svc = c.get("services");
  try {
    const s = await svc.sessions.login(c.req.valid("json"), { lastProject: readLastProject(c) });
    await writeSession(c, svc.deps.sessionSecret, s.sealed);
    writeLastProject(c, s.body.user.id, s.projectId);
    return c.json(svc.sessions.toSession(s), 200);
  } catch (e) {
    if (e instanceof ApiError && e.extra.service === "identity" && (e.status === 401 || e.status === 404))
      throw new ApiError(401, "invalid_credentials", "Wrong username, password or credential, or no access to that project (Keystone answered 401).", { service: "identity" });
    throw e;
  }
};

export const getSession: AppRouteHandler<GetSessionRoute> = (c) =>
  c.json(c.get("services").sessions.toSession(c.get("session")), 200);

export const switchProject: AppRouteHandler<SwitchProjectRoute> = async (c) => {
  const svc = c.get("services");
  const s = await svc.sessions.rescope(c.get("session"), c.req.valid("json").projectId);
  await writeSession(c, svc.deps.sessionSecret, s.sealed);
  writeLastProject(c, s.body.user.id, s.projectId);
  return c.json(svc.sessions.toSession(s), 200);
};

export const logout: AppRouteHandler<LogoutRoute> = async (c) => {
  const svc = c.get("services");
  const sealed = await readSession(c, svc.deps.sessionSecret);
  if (sealed) await svc.sessions.logout(sealed);
  clearSession(c);
  return c.body(null, 204);
};
