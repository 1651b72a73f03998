import type { Context, Hono } from "hono";
import type { SimState } from "../../core/state";
import { hexId, requestId } from "../../core/ids";
import { keystoneError, UNAUTHORIZED } from "./errors";
import { hashSecret, identity, type Project, type Token, type User } from "./model";
import { liveToken, tokenRoles } from "./tokens";
import { listLinks, projectRef, roleRef, userRef } from "./view";

/**
 * Keystone's users, projects, roles, grants and domains, with Zed's default policies as Debian ships them
 * (enforce_scope off: the deprecated "admin_required" alternative lets a project admin through, a member is
 * refused with "You are not authorized to perform the requested action: identity:<rule>.").
 */
/** Python's repr of a JSON value, as jsonschema's messages quote it (keystone imports nothing from the other services). */
const pyRepr = (v: unknown): string =>
  typeof v === "string" ? `'${v}'` : v === null ? "None" : v === true ? "True" : v === false ? "False" : JSON.stringify(v);

export function registerIdentityAdmin(app: Hono, state: SimState, base: () => string, json: (b: unknown, s?: number) => Response) {
  const v3 = () => `${base()}/v3`;
  const ks = () => identity(state);
  const query = (c: Context) => {
    const q = new URL(c.req.url).search;
    return q;
  };
  const empty = () => new Response(null, { status: 204, headers: { Vary: "X-Auth-Token", "x-openstack-request-id": requestId() } });
  const forbidden = (c: Context, rule: string) =>
    keystoneError(c, 403, `You are not authorized to perform the requested action: identity:${rule}.`);
  const notFound = (c: Context, kind: string, id: string) => keystoneError(c, 404, `Could not find ${kind}: ${id}.`);
  const bad = (c: Context, m: string) => keystoneError(c, 400, m);

  /** The caller's token when the rule allows it (admin, or `alsoIf` for the owner rules); otherwise the refusal. */
  const authorize = (c: Context, rule: string, alsoIf?: (t: Token) => boolean): Token | Response => {
    const t = liveToken(state, c.req.header("X-Auth-Token"));
    if (!t) return keystoneError(c, 401, UNAUTHORIZED, base());
    if (tokenRoles(state, t).some((r) => r?.name === "admin") || alsoIf?.(t)) return t;
    return forbidden(c, rule);
  };
  const body = async (c: Context): Promise<any> => c.req.json().catch(() => undefined);
  /** keystone.common.validation: a boolean attribute given as anything else, with jsonschema's wording. */
  const notBoolean = (c: Context, field: string, v: unknown) =>
    bad(
      c,
      `Invalid input for field '${field}': ${pyRepr(v)} is not of type 'boolean'\n\nFailed validating 'type' in schema['properties']['${field}']:\n    {'enum': [True, False, None], 'type': 'boolean'}\n\nOn instance['${field}']:\n    ${pyRepr(v)}`,
    );
  const match = (c: Context, fields: Record<string, (x: any) => unknown>) => (x: any) =>
    Object.entries(fields).every(([q, get]) => c.req.query(q) === undefined || String(get(x)) === c.req.query(q));

  // Users.
  app.get("/v3/users", (c) => {
    const t = authorize(c, "list_users");
    if (t instanceof Response) return t;
    const users = ks().users.filter(
      match(c, { name: (u: User) => u.name, domain_id: (u: User) => u.domainId, enabled: (u: User) => u.enabled }),
    );
    return json({ users: users.map((u) => userRef(v3(), u)), links: listLinks(v3(), "/users", query(c)) });
  });
  app.post("/v3/users", async (c) => {
    const t = authorize(c, "create_user");
    if (t instanceof Response) return t;
    const u = (await body(c))?.user;
    if (!u || typeof u !== "object") return bad(c, "Expecting to find user in request body.");
    if (typeof u.name !== "string") return bad(c, "'name' is a required property");
    if (!u.name.length) return bad(c, "Invalid input for field 'name': '' is too short");
    const domainId = u.domain_id ?? "default";
    if (!ks().domains.get(domainId)) return notFound(c, "domain", domainId);
    if (ks().users.find((x) => x.name === u.name && x.domainId === domainId))
      return keystoneError(
        c,
        409,
        `Conflict occurred attempting to store user - Duplicate entry found with name ${u.name} at domain ID ${domainId}.`,
      );
    if (u.default_project_id && !ks().projects.get(u.default_project_id)) return notFound(c, "project", u.default_project_id);
    const user: User = {
      id: hexId(),
      name: u.name,
      domainId,
      passwordHash: u.password ? hashSecret(String(u.password)) : "",
      enabled: u.enabled !== false,
      passwordExpiresAt: null,
      defaultProjectId: u.default_project_id ?? null,
      ...(u.description !== undefined ? { description: u.description } : {}),
    };
    ks().users.put(user);
    return json({ user: userRef(v3(), user) }, 201);
  });
  app.patch("/v3/users/:userId", async (c) => {
    const t = authorize(c, "update_user");
    if (t instanceof Response) return t;
    const user = ks().users.get(c.req.param("userId"));
    if (!user) return notFound(c, "user", c.req.param("userId"));
    const u = (await body(c))?.user;
    if (!u || typeof u !== "object") return bad(c, "Expecting to find user in request body.");
    if (u.enabled !== undefined && u.enabled !== null && typeof u.enabled !== "boolean") return notBoolean(c, "enabled", u.enabled);
    const next: User = {
      ...user,
      ...(u.name ? { name: u.name } : {}),
      ...(u.enabled !== undefined ? { enabled: !!u.enabled } : {}),
      ...(u.password ? { passwordHash: hashSecret(String(u.password)) } : {}),
      ...(u.description !== undefined ? { description: u.description } : {}),
    };
    ks().users.put(next);
    return json({ user: userRef(v3(), next) });
  });
  app.delete("/v3/users/:userId", (c) => {
    const t = authorize(c, "delete_user");
    if (t instanceof Response) return t;
    const id = c.req.param("userId");
    if (!ks().users.get(id)) return notFound(c, "user", id);
    forget(state, (x) => x.userId === id);
    ks().users.remove(id);
    return empty();
  });

  // Projects.
  app.get("/v3/projects", (c) => {
    const t = authorize(c, "list_projects");
    if (t instanceof Response) return t;
    const projects = ks().projects.filter(
      match(c, { name: (p: Project) => p.name, domain_id: (p: Project) => p.domainId, enabled: (p: Project) => p.enabled }),
    );
    return json({ projects: projects.map((p) => projectRef(v3(), p)), links: listLinks(v3(), "/projects", query(c)) });
  });
  app.get("/v3/projects/:projectId", (c) => {
    const id = c.req.param("projectId");
    const t = authorize(c, "get_project", (tok) => tok.projectId === id);
    if (t instanceof Response) return t;
    const p = ks().projects.get(id);
    return p ? json({ project: projectRef(v3(), p) }) : notFound(c, "project", id);
  });
  app.post("/v3/projects", async (c) => {
    const t = authorize(c, "create_project");
    if (t instanceof Response) return t;
    const p = (await body(c))?.project;
    if (!p || typeof p !== "object") return bad(c, "Expecting to find project in request body.");
    if (typeof p.name !== "string") return bad(c, "'name' is a required property");
    if (!p.name.trim().length) return bad(c, `Invalid input for field 'name': '${p.name}' is too short`);
    const domainId = p.domain_id ?? "default";
    if (!ks().domains.get(domainId)) return notFound(c, "domain", domainId);
    if (ks().projects.find((x) => x.name === p.name && x.domainId === domainId))
      return keystoneError(
        c,
        409,
        `Conflict occurred attempting to store project - it is not permitted to have two projects with the same name in the same domain : ${p.name}.`,
      );
    const project: Project = { id: hexId(), name: p.name, domainId, description: p.description ?? "", enabled: p.enabled !== false };
    ks().projects.put(project);
    return json({ project: projectRef(v3(), project) }, 201);
  });
  app.patch("/v3/projects/:projectId", async (c) => {
    const t = authorize(c, "update_project");
    if (t instanceof Response) return t;
    const id = c.req.param("projectId");
    const project = ks().projects.get(id);
    if (!project) return notFound(c, "project", id);
    const p = (await body(c))?.project;
    if (!p || typeof p !== "object") return bad(c, "Expecting to find project in request body.");
    if (p.enabled !== undefined && p.enabled !== null && typeof p.enabled !== "boolean") return notBoolean(c, "enabled", p.enabled);
    if (p.name !== undefined && (typeof p.name !== "string" || !p.name.trim().length))
      return bad(c, `Invalid input for field 'name': ${pyRepr(p.name)} is too short`);
    const next: Project = {
      ...project,
      ...(p.name !== undefined ? { name: p.name } : {}),
      ...(typeof p.enabled === "boolean" ? { enabled: p.enabled } : {}),
      ...(p.description !== undefined ? { description: String(p.description ?? "") } : {}),
    };
    ks().projects.put(next);
    return json({ project: projectRef(v3(), next) });
  });
  app.delete("/v3/projects/:projectId", (c) => {
    const t = authorize(c, "delete_project");
    if (t instanceof Response) return t;
    const id = c.req.param("projectId");
    if (!ks().projects.get(id)) return notFound(c, "project", id);
    forget(state, (x) => x.projectId === id);
    ks().projects.remove(id);
    return empty();
  });

  // Roles, grants, assignments, domains.
  app.get("/v3/roles", (c) => {
    const t = authorize(c, "list_roles");
    if (t instanceof Response) return t;
    const roles = ks().roles.filter(match(c, { name: (r: { name: string }) => r.name }));
    return json({ roles: roles.map((r) => roleRef(v3(), r)), links: listLinks(v3(), "/roles", query(c)) });
  });
  const grantTarget = (c: Context) => {
    const [p, u, r] = [c.req.param("projectId"), c.req.param("userId"), c.req.param("roleId")];
    if (!ks().projects.get(p!)) return notFound(c, "project", p!);
    if (!ks().users.get(u!)) return notFound(c, "user", u!);
    if (!ks().roles.get(r!)) return notFound(c, "role", r!);
    return { projectId: p!, userId: u!, roleId: r! };
  };
  app.get("/v3/projects/:projectId/users/:userId/roles", (c) => {
    const t = authorize(c, "list_grants");
    if (t instanceof Response) return t;
    const [p, u] = [c.req.param("projectId"), c.req.param("userId")];
    if (!ks().projects.get(p)) return notFound(c, "project", p);
    if (!ks().users.get(u)) return notFound(c, "user", u);
    const ids = new Set(
      ks()
        .assignments.filter((a) => a.userId === u && a.projectId === p)
        .map((a) => a.roleId),
    );
    const roles = ks().roles.filter((r) => ids.has(r.id));
    return json({ roles: roles.map((r) => roleRef(v3(), r)), links: listLinks(v3(), `/projects/${p}/users/${u}/roles`, "") });
  });
  app.put("/v3/projects/:projectId/users/:userId/roles/:roleId", (c) => {
    const t = authorize(c, "create_grant");
    if (t instanceof Response) return t;
    const g = grantTarget(c);
    if (g instanceof Response) return g;
    ks().assignments.put({ id: `${g.userId}:${g.projectId}:${g.roleId}`, ...g });
    return empty();
  });
  app.on(["GET", "HEAD"], "/v3/projects/:projectId/users/:userId/roles/:roleId", (c) => {
    const t = authorize(c, "check_grant");
    if (t instanceof Response) return t;
    const g = grantTarget(c);
    if (g instanceof Response) return g;
    const has = ks().assignments.find((a) => a.userId === g.userId && a.projectId === g.projectId && a.roleId === g.roleId);
    return has
      ? empty()
      : keystoneError(c, 404, `Could not find grant: role ${g.roleId} not found for user ${g.userId} on project ${g.projectId}.`);
  });
  app.delete("/v3/projects/:projectId/users/:userId/roles/:roleId", (c) => {
    const t = authorize(c, "revoke_grant");
    if (t instanceof Response) return t;
    const g = grantTarget(c);
    if (g instanceof Response) return g;
    const a = ks().assignments.find((x) => x.userId === g.userId && x.projectId === g.projectId && x.roleId === g.roleId);
    if (!a)
      return keystoneError(c, 404, `Could not find grant: role ${g.roleId} not found for user ${g.userId} on project ${g.projectId}.`);
    ks().assignments.remove(a.id);
    return empty();
  });
  app.get("/v3/role_assignments", (c) => {
    const t = authorize(c, "list_role_assignments");
    if (t instanceof Response) return t;
    const rows = ks().assignments.filter(
      match(c, {
        "scope.project.id": (a: { projectId: string }) => a.projectId,
        "user.id": (a: { userId: string }) => a.userId,
        "role.id": (a: { roleId: string }) => a.roleId,
      }),
    );
    return json({
      role_assignments: rows.map((a) => ({
        links: { assignment: `${v3()}/projects/${a.projectId}/users/${a.userId}/roles/${a.roleId}` },
        scope: { project: { id: a.projectId } },
        user: { id: a.userId },
        role: { id: a.roleId },
      })),
      links: listLinks(v3(), "/role_assignments", query(c)),
    });
  });
  app.get("/v3/domains", (c) => {
    const t = authorize(c, "list_domains");
    if (t instanceof Response) return t;
    return json({
      domains: ks()
        .domains.all()
        .map((d) => ({
          id: d.id,
          name: d.name,
          description: "",
          enabled: true,
          tags: [],
          options: {},
          links: { self: `${v3()}/domains/${d.id}` },
        })),
      links: listLinks(v3(), "/domains", query(c)),
    });
  });
}

/** A deleted user or project takes its role assignments and tokens with it (Keystone revokes them). */
function forget(state: SimState, pred: (x: { userId: string; projectId: string | null }) => boolean) {
  const ks = identity(state);
  for (const a of ks.assignments.filter(pred)) ks.assignments.remove(a.id);
  for (const t of ks.tokens.filter((x) => !x.revoked && pred(x))) ks.tokens.put({ ...t, revoked: true });
}
