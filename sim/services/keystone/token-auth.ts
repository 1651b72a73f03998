import type { Context, MiddlewareHandler } from "hono";
import { requestId } from "../../core/ids";
import type { SimState } from "../../core/state";
import { liveToken, tokenRoles } from "./tokens";
import { identity } from "./model";

/** What keystonemiddleware's auth_token hands a service after validating X-Auth-Token. */
export interface AuthContext {
  tokenId: string;
  userId: string;
  userName: string;
  projectId: string;
  projectName: string;
  roles: string[];
  isAdmin: boolean;
}

export type SimEnv = { Variables: { auth: AuthContext } };

/**
 * keystonemiddleware auth_token for the sim's services: an invalid or missing token gets Keystone's
 * JSON 401 body with WWW-Authenticate, unless the service answers its own way (glance: webob's 401).
 */
export function requireToken(state: SimState, opts: { unauthorized?: (c: Context) => Response } = {}): MiddlewareHandler<SimEnv> {
  return async (c, next) => {
    const t = liveToken(state, c.req.header("X-Auth-Token"));
    if (!t || !t.projectId) {
      if (opts.unauthorized) return opts.unauthorized(c);
      return new Response(
        JSON.stringify({ error: { code: 401, title: "Unauthorized", message: "The request you have made requires authentication." } }),
        {
          status: 401,
          headers: {
            "Content-Type": "application/json",
            "WWW-Authenticate": `Keystone uri="${state.baseUrl}/identity"`,
            "x-openstack-request-id": requestId(),
          },
        },
      );
    }
    const ks = identity(state);
    const roles = tokenRoles(state, t).map((r) => r!.name);
    c.set("auth", {
      tokenId: t.id,
      userId: t.userId,
      userName: ks.users.get(t.userId)?.name ?? "",
      projectId: t.projectId,
      projectName: ks.projects.get(t.projectId)?.name ?? "",
      roles,
      isAdmin: roles.includes("admin"),
    });
    await next();
  };
}
