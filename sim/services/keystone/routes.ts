import { Hono } from "hono";
import type { SimState } from "../../core/state";
import { hexId, requestId } from "../../core/ids";
import { keystoneTime } from "../../core/clock";
import { keystoneError, UNAUTHORIZED } from "./errors";
import { buildCatalog } from "./catalog";
import { hashSecret, identity, type AppCredential, type Project } from "./model";
import { AuthError, authenticate, liveToken, tokenBody, tokenRoles } from "./tokens";
import { registerIdentityAdmin } from "./admin-routes";
import { projectRef as projectView, userRef } from "./view";
import { randomBytes } from "node:crypto";

const FLASK_404 =
  "<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n<p>The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.</p>\n";

/** Keystone v3, mounted at /identity. */
export function keystoneRoutes(state: SimState) {
  const app = new Hono();
  const base = () => `${state.baseUrl}/identity`;
  const v3 = () => `${base()}/v3`;
  const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
    new Response(JSON.stringify(body), {
      status,
      headers: { "Content-Type": "application/json", Vary: "X-Auth-Token", "x-openstack-request-id": requestId(), ...headers },
    });

  const versionDoc = () => ({
    id: "v3.14",
    status: "stable",
    updated: "2020-04-07T00:00:00Z",
    links: [{ rel: "self", href: `${v3()}/` }],
    "media-types": [{ base: "application/json", type: "application/vnd.openstack.identity-v3+json" }],
  });
  app.get("/", () => json({ versions: { values: [versionDoc()] } }, 300));
  app.get("/v3", () => json({ version: versionDoc() }));
  app.get("/v3/", () => json({ version: versionDoc() }));

  const caller = (c: any) => liveToken(state, c.req.header("X-Auth-Token"));
  const projectRef = (p: Project) => projectView(v3(), p);

  app.post("/v3/auth/tokens", async (c) => {
    let body: any;
    try {
      body = await c.req.json();
    } catch {
      return keystoneError(c, 400, "Expecting to find valid JSON in request body.");
    }
    try {
      const t = authenticate(state, body);
      const nocatalog = c.req.query("nocatalog") !== undefined;
      return json(tokenBody(state, t, !nocatalog), 201, { "X-Subject-Token": t.id });
    } catch (e) {
      if (e instanceof AuthError) return keystoneError(c, e.status, e.message, base());
      throw e;
    }
  });

  const subject = (c: any) => {
    const allowExpired = ["1", "true"].includes(c.req.query("allow_expired") ?? "");
    return liveToken(state, c.req.header("X-Subject-Token"), allowExpired);
  };
  app.on(["GET", "HEAD"], "/v3/auth/tokens", (c) => {
    if (!caller(c)) return keystoneError(c, 401, UNAUTHORIZED, base());
    const t = subject(c);
    if (!t) return keystoneError(c, 404, `Could not find token: ${c.req.header("X-Subject-Token") ?? ""}.`);
    if (c.req.method === "HEAD") return new Response(null, { status: 200, headers: { "X-Subject-Token": t.id } });
    return json(tokenBody(state, t, c.req.query("nocatalog") === undefined), 200, { "X-Subject-Token": t.id });
  });
  app.delete("/v3/auth/tokens", (c) => {
    if (!caller(c)) return keystoneError(c, 401, UNAUTHORIZED, base());
    const t = subject(c);
    if (!t) return keystoneError(c, 404, `Could not find token: ${c.req.header("X-Subject-Token") ?? ""}.`);
    identity(state).tokens.put({ ...t, revoked: true });
    return new Response(null, { status: 204 });
  });

  app.get("/v3/auth/projects", (c) => {
    const t = caller(c);
    if (!t) return keystoneError(c, 401, UNAUTHORIZED, base());
    const projects = identity(state).projectsFor(t.userId).map(projectRef);
    return json({ projects, links: { self: `${v3()}/auth/projects`, previous: null, next: null } });
  });
  app.get("/v3/auth/catalog", (c) => {
    const t = caller(c);
    if (!t) return keystoneError(c, 401, UNAUTHORIZED, base());
    if (!t.projectId) return keystoneError(c, 403, "A project-scoped token is required to produce a service catalog.");
    return json({ catalog: buildCatalog(state.baseUrl, state.config.region), links: { self: `${v3()}/auth/catalog` } });
  });

  /** Keystone's "owner or admin" policy on /v3/users/{id}…: the error response, or null when allowed. */
  const denySelfOrAdmin = (c: any, policy: string) => {
    const t = caller(c);
    if (!t) return keystoneError(c, 401, UNAUTHORIZED, base());
    const isAdmin = tokenRoles(state, t).some((r) => r?.name === "admin");
    if (t.userId !== c.req.param("userId") && !isAdmin)
      return keystoneError(c, 403, `You are not authorized to perform the requested action: identity:${policy}.`);
    return null;
  };

  app.get("/v3/users/:userId/projects", (c) => {
    const denied = denySelfOrAdmin(c, "list_user_projects");
    if (denied) return denied;
    const userId = c.req.param("userId");
    return json({
      projects: identity(state).projectsFor(userId).map(projectRef),
      links: { self: `${v3()}/users/${userId}/projects`, previous: null, next: null },
    });
  });

  app.get("/v3/users/:userId", (c) => {
    const denied = denySelfOrAdmin(c, "get_user");
    if (denied) return denied;
    const userId = c.req.param("userId");
    const u = identity(state).users.get(userId);
    if (!u) return keystoneError(c, 404, `Could not find user: ${userId}.`);
    return json({ user: userRef(v3(), u) });
  });

  registerIdentityAdmin(app, state, base, json);

  const appCredRef = (a: AppCredential) => {
    const ks = identity(state);
    return {
      id: a.id,
      name: a.name,
      description: a.description,
      project_id: a.projectId,
      user_id: a.userId,
      expires_at: a.expiresAt === null ? null : keystoneTime(a.expiresAt),
      unrestricted: a.unrestricted,
      access_rules: [],
      roles: a.roleIds
        .map((id) => ks.roles.get(id))
        .filter(Boolean)
        .map((r) => ({ id: r!.id, name: r!.name, domain_id: null })),
      links: { self: `${v3()}/users/${a.userId}/application_credentials/${a.id}` },
    };
  };
  app.post("/v3/users/:userId/application_credentials", async (c) => {
    const t = caller(c);
    if (!t) return keystoneError(c, 401, UNAUTHORIZED, base());
    const userId = c.req.param("userId");
    if (t.userId !== userId)
      return keystoneError(c, 403, "You are not authorized to perform the requested action: identity:create_application_credential.");
    if (!t.projectId) return keystoneError(c, 401, "Application credentials require a project-scoped token.", base());
    if (t.appCredId)
      return keystoneError(c, 403, "Using method 'application_credential' is not allowed for managing additional application credentials.");
    const body = (await c.req.json().catch(() => null))?.application_credential;
    if (!body?.name) return keystoneError(c, 400, "Invalid input for field 'name': 'name' is a required property");
    const ks = identity(state);
    if (ks.appCreds.find((a) => a.userId === userId && a.name === body.name))
      return keystoneError(c, 409, "Conflict occurred attempting to store application_credential - Duplicate application credential.");
    const secret = body.secret ?? randomBytes(32).toString("base64url");
    const cred: AppCredential = {
      id: hexId(),
      name: body.name,
      userId,
      projectId: t.projectId,
      secretHash: hashSecret(secret),
      roleIds: tokenRoles(state, t).map((r) => r!.id),
      expiresAt: body.expires_at ? Date.parse(body.expires_at) : null,
      unrestricted: !!body.unrestricted,
      description: body.description ?? null,
    };
    ks.appCreds.put(cred);
    return json({ application_credential: { ...appCredRef(cred), secret } }, 201);
  });
  app.get("/v3/users/:userId/application_credentials", (c) => {
    const denied = denySelfOrAdmin(c, "list_application_credentials");
    if (denied) return denied;
    const userId = c.req.param("userId");
    return json({
      application_credentials: identity(state)
        .appCreds.filter((a) => a.userId === userId)
        .map(appCredRef),
      links: { self: `${v3()}/users/${userId}/application_credentials`, previous: null, next: null },
    });
  });
  app.delete("/v3/users/:userId/application_credentials/:id", (c) => {
    const t = caller(c);
    if (!t) return keystoneError(c, 401, UNAUTHORIZED, base());
    const ks = identity(state);
    const cred = ks.appCreds.get(c.req.param("id"));
    if (!cred || cred.userId !== c.req.param("userId"))
      return keystoneError(c, 404, `Could not find application credential: ${c.req.param("id")}.`);
    ks.appCreds.remove(cred.id);
    return new Response(null, { status: 204 });
  });

  // An unknown path never reaches Keystone's API: flask answers it with its HTML 404 page.
  app.all(
    "*",
    () =>
      new Response(FLASK_404, {
        status: 404,
        headers: { "Content-Type": "text/html; charset=utf-8", "x-openstack-request-id": requestId() },
      }),
  );
  return app;
}
