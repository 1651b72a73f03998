import { auditId, hexId } from "../../core/ids";
import { keystoneTime } from "../../core/clock";
import type { SimState } from "../../core/state";
import { buildCatalog } from "./catalog";
import { hashSecret, identity, type Project, type Token, type User } from "./model";

export class AuthError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

type Json = Record<string, any>;

function findUser(state: SimState, u: Json | undefined): User {
  const ks = identity(state);
  if (!u) throw new AuthError(400, "Invalid input for field 'identity/password/user': None is not of type 'object'");
  let user: User | undefined;
  if (u.id) user = ks.users.get(u.id);
  else if (u.name) {
    const dom = u.domain ?? {};
    const domainId = dom.id ?? ks.domains.find((d) => d.name === dom.name)?.id;
    if (!domainId) throw new AuthError(401, "The request you have made requires authentication.");
    user = ks.users.find((x) => x.name === u.name && x.domainId === domainId);
  }
  if (!user || !user.enabled) throw new AuthError(401, "The request you have made requires authentication.");
  return user;
}

function findProject(state: SimState, p: Json): Project {
  const ks = identity(state);
  let project: Project | undefined;
  if (p.id) project = ks.projects.get(p.id);
  else if (p.name) {
    const dom = p.domain ?? {};
    const domainId = dom.id ?? ks.domains.find((d) => d.name === dom.name)?.id;
    project = ks.projects.find((x) => x.name === p.name && x.domainId === domainId);
  }
  if (!project) throw new AuthError(401, "The request you have made requires authentication.");
  return project;
}

/** POST /v3/auth/tokens: password, application_credential and token methods. */
export function authenticate(state: SimState, body: Json): Token {
  const ks = identity(state);
  const auth = body?.auth;
  const methods: string[] = auth?.identity?.methods;
  if (!Array.isArray(methods) || methods.length === 0)
    throw new AuthError(400, "Invalid input for field 'identity/methods': None is not of type 'array'");
  const now = state.clock.now();
  let expiresAt = now + state.config.tokenTtlSeconds * 1000;
  let userId: string;
  let projectId: string | null = null;
  let appCredId: string | undefined;
  let audit = [auditId()];

  if (methods.includes("application_credential")) {
    const ac = auth.identity.application_credential ?? {};
    const cred = ac.id
      ? ks.appCreds.get(ac.id)
      : ks.appCreds.find((x) => x.name === ac.name && x.userId === (ac.user?.id ?? findUser(state, ac.user).id));
    if (!cred || cred.secretHash !== hashSecret(String(ac.secret ?? "")))
      throw new AuthError(401, "The request you have made requires authentication.");
    if (cred.expiresAt !== null && cred.expiresAt <= now) throw new AuthError(401, "The request you have made requires authentication.");
    if (auth.scope) throw new AuthError(401, "The request you have made requires authentication.");
    userId = cred.userId;
    projectId = cred.projectId;
    appCredId = cred.id;
    if (cred.expiresAt !== null) expiresAt = Math.min(expiresAt, cred.expiresAt);
  } else if (methods.includes("token")) {
    const old = ks.tokens.get(String(auth.identity.token?.id ?? ""));
    if (!old || old.revoked || old.expiresAt <= now) throw new AuthError(404, `Could not find token: ${auth.identity.token?.id ?? ""}.`);
    if (old.appCredId) throw new AuthError(403, "Cannot rescope a token scoped to an application credential.");
    userId = old.userId;
    expiresAt = old.expiresAt;
    audit = [auditId(), old.auditIds[0]];
  } else if (methods.includes("password")) {
    const pw = auth.identity.password ?? {};
    const user = findUser(state, pw.user);
    if (user.passwordHash !== hashSecret(String(pw.user?.password ?? "")))
      throw new AuthError(401, "The request you have made requires authentication.");
    userId = user.id;
  } else {
    throw new AuthError(401, "The request you have made requires authentication.");
  }

  if (!appCredId && auth.scope?.project) {
    const project = findProject(state, auth.scope.project);
    if (ks.rolesFor(userId, project.id).length === 0) throw new AuthError(401, `User ${userId} has no access to project ${project.id}`);
    projectId = project.id;
  } else if (!appCredId && !auth.scope && methods.includes("password")) {
    // Keystone's default scoping: no scope asked for, and the user has a default project with a role on it.
    const home = ks.users.get(userId)?.defaultProjectId;
    if (home && ks.projects.get(home)?.enabled && ks.rolesFor(userId, home).length) projectId = home;
  }
  const token: Token = {
    id: `gAAAAA${hexId()}${hexId()}`,
    userId,
    projectId,
    methods: appCredId ? ["application_credential"] : methods,
    issuedAt: now,
    expiresAt,
    auditIds: audit,
    appCredId,
  };
  ks.tokens.put(token);
  return token;
}

/** Looks up a live token; undefined when unknown, revoked or expired. */
export function liveToken(state: SimState, id: string | undefined | null, allowExpired = false): Token | undefined {
  if (!id) return undefined;
  const t = identity(state).tokens.get(id);
  if (!t || t.revoked) return undefined;
  if (!allowExpired && t.expiresAt <= state.clock.now()) return undefined;
  return t;
}

export function tokenRoles(state: SimState, t: Token) {
  const ks = identity(state);
  if (!t.projectId) return [];
  if (t.appCredId) {
    const cred = ks.appCreds.get(t.appCredId);
    return (cred?.roleIds ?? []).map((id) => ks.roles.get(id)).filter((r) => !!r);
  }
  return ks.rolesFor(t.userId, t.projectId);
}

/** The token body Keystone returns from POST/GET /v3/auth/tokens. */
export function tokenBody(state: SimState, t: Token, withCatalog = true) {
  const ks = identity(state);
  const user = ks.users.get(t.userId)!;
  const userDomain = ks.domains.get(user.domainId)!;
  const token: Json = {
    audit_ids: t.auditIds,
    expires_at: keystoneTime(t.expiresAt),
    issued_at: keystoneTime(t.issuedAt),
    methods: t.methods,
    user: {
      domain: { id: userDomain.id, name: userDomain.name },
      id: user.id,
      name: user.name,
      password_expires_at: user.passwordExpiresAt,
    },
  };
  if (t.projectId) {
    const p = ks.projects.get(t.projectId)!;
    const d = ks.domains.get(p.domainId)!;
    token.is_domain = false;
    token.project = { domain: { id: d.id, name: d.name }, id: p.id, name: p.name };
    token.roles = tokenRoles(state, t).map((r) => ({ id: r!.id, name: r!.name }));
    if (withCatalog) token.catalog = buildCatalog(state.baseUrl, state.config.region);
  }
  if (t.appCredId) {
    const cred = ks.appCreds.get(t.appCredId);
    token.application_credential = { id: t.appCredId, name: cred?.name ?? "", restricted: !cred?.unrestricted };
    token.user.password_expires_at = null;
  }
  return { token };
}
