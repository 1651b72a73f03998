import { ApiError } from "../errors";
import type { CloudConfig } from "../config/cloud-config";
import { pickRegion, serviceUrl, type Catalog } from "../openstack/catalog";
import type { Credentials, Keystone, KeystoneProject, KeystoneToken, ProjectScope } from "../openstack/keystone";
import type { ServiceName } from "../openstack/services";
import type { SealedSession } from "./cookie";
import type { LoginInput, Session } from "../features/auth/schema";
import type { TokenCache } from "./token-cache";
import { chooseProject } from "./choose-project";

/** The validated session a route works with. The token never leaves the server. */
export interface RequestSession {
  token: string;
  sealed: SealedSession;
  body: KeystoneToken;
  projects: KeystoneProject[];
  region: string;
  interface: CloudConfig["interface"];
  catalog: Catalog;
  roles: string[];
  isAdmin: boolean;
  projectId: string;
  /** Versioned base URL of a service from the token's catalog. */
  url(service: ServiceName): string;
}

/** What the browser remembers: the last project a user worked in (bff/session/last-project.ts). */
export interface LoginContext {
  lastProject?: { userId: string; projectId: string } | null;
}

const HEX_ID = /^[0-9a-f]{32}$/;

export function createSessionService(keystone: Keystone, cache: TokenCache, cloud: CloudConfig) {
  function toRequestSession(token: string, sealed: SealedSession, body: KeystoneToken, projects: KeystoneProject[]): RequestSession {
    if (!body.project) throw new ApiError(401, "session_expired", "The Keystone token has no project scope; sign in again.");
    const catalog = body.catalog ?? [];
    const region = pickRegion(catalog, cloud.region);
    const roles = (body.roles ?? []).map((r) => r.name);
    const projectId = body.project.id;
    return {
      token,
      sealed,
      body,
      projects,
      region,
      interface: cloud.interface,
      catalog,
      roles,
      projectId,
      isAdmin: roles.includes("admin"),
      url: (service) => serviceUrl(catalog, service, region, cloud.interface, projectId),
    };
  }

  async function projectsFor(token: string, body: KeystoneToken): Promise<KeystoneProject[]> {
    try {
      return await keystone.projects(token);
    } catch (e) {
      // Application-credential tokens may not list projects; the token's own project is the answer then.
      if (e instanceof ApiError && e.status !== 401 && body.project)
        return [{ id: body.project.id, name: body.project.name, domain_id: body.project.domain.id, enabled: true }];
      throw e;
    }
  }

  async function issue(creds: Credentials, scope?: ProjectScope) {
    const { token, body } = await keystone.authenticate(creds, scope);
    return { token, body };
  }

  function sealedFor(token: string, body: KeystoneToken): SealedSession {
    return {
      token,
      expiresAt: Date.parse(body.expires_at),
      method: body.methods.includes("application_credential") ? "application_credential" : "password",
    };
  }

  async function finish(token: string, body: KeystoneToken, known?: KeystoneProject[]): Promise<RequestSession> {
    const projects = known ?? (await projectsFor(token, body));
    cache.set(token, body, projects);
    return toRequestSession(token, sealedFor(token, body), body, projects);
  }

  /** Forgets and revokes a token; one Keystone already rejects (expired or revoked) counts as revoked. */
  async function revoke(token: string): Promise<void> {
    cache.evict(token);
    try {
      await keystone.revoke(token);
    } catch (e) {
      if (!(e instanceof ApiError && (e.status === 401 || e.status === 404))) throw e;
    }
  }

  return {
    async login(input: LoginInput, ctx: LoginContext = {}): Promise<RequestSession> {
      if ("applicationCredentialId" in input) {
        const { token, body } = await issue({
          kind: "application_credential",
          id: input.applicationCredentialId,
          secret: input.applicationCredentialSecret,
        });
        return finish(token, body);
      }
      const creds: Credentials = {
        kind: "password",
        username: input.username,
        password: input.password,
        userDomain: input.userDomain ?? cloud.userDomain,
      };
      if (input.project) {
        const scope: ProjectScope = HEX_ID.test(input.project)
          ? { id: input.project }
          : { name: input.project, domain: cloud.projectDomain };
        const { token, body } = await issue(creds, scope);
        return finish(token, body);
      }
      // No project asked for. Keystone scopes to the user's default_project_id by itself when there is one.
      const first = await issue(creds);
      if (first.body.project) return finish(first.token, first.body);
      const projects = await keystone.projects(first.token);
      if (projects.length === 0)
        throw new ApiError(403, "no_projects", `User ${input.username} has no role on any enabled project; ask an administrator for one.`);
      const last = ctx.lastProject?.userId === first.body.user.id ? ctx.lastProject.projectId : null;
      const choice = chooseProject(projects, last);
      const scopeTo = (p: KeystoneProject) => issue({ kind: "token", token: first.token }, { id: p.id });
      if (choice.remembered) {
        const s = await scopeTo(choice.remembered);
        return finish(s.token, s.body, projects);
      }
      // Then a project where the user holds admin (a token's roles are the only per-project answer a member may read).
      const tried = new Map<string, Awaited<ReturnType<typeof scopeTo>>>();
      for (const p of choice.adminProbes) {
        const s = await scopeTo(p);
        if ((s.body.roles ?? []).some((r) => r.name === "admin")) return finish(s.token, s.body, projects);
        tried.set(p.id, s);
      }
      const s = tried.get(choice.fallback.id) ?? (await scopeTo(choice.fallback));
      return finish(s.token, s.body, projects);
    },

    /** Validates a session's token, through the short cache; concurrent misses for one token share one validation. */
    async resolve(sealed: SealedSession): Promise<RequestSession> {
      if (sealed.expiresAt <= Date.now()) throw new ApiError(401, "session_expired", "Your session expired; sign in again.");
      const { body, projects } = await cache.resolve(sealed.token, async () => {
        let body: KeystoneToken;
        try {
          body = await keystone.validate(sealed.token);
        } catch (e) {
          if (e instanceof ApiError && (e.status === 401 || e.status === 404))
            throw new ApiError(
              401,
              "session_expired",
              "Keystone no longer accepts this session's token (expired or revoked); sign in again.",
              { service: "identity" },
            );
          throw e;
        }
        return { body, projects: await projectsFor(sealed.token, body) };
      });
      return toRequestSession(sealed.token, sealed, body, projects);
    },

    async rescope(current: RequestSession, projectId: string): Promise<RequestSession> {
      if (current.sealed.method === "application_credential")
        throw new ApiError(
          409,
          "rescope_not_allowed",
          "An application-credential session is bound to its project; sign in with a password to switch projects.",
        );
      if (!current.projects.some((p) => p.id === projectId))
        throw new ApiError(403, "forbidden", `You have no role on project ${projectId}.`);
      const { token, body } = await issue({ kind: "token", token: current.token }, { id: projectId });
      const next = await finish(token, body, current.projects);
      // The old project's token must not outlive the switch (a copied cookie would still work with it).
      try {
        await revoke(current.token);
      } catch (e) {
        console.warn(`zenith-bff: switching project could not revoke the previous token: ${e instanceof Error ? e.message : String(e)}`);
      }
      return next;
    },

    logout: (sealed: SealedSession) => revoke(sealed.token),

    evict: (token: string) => cache.evict(token),

    toSession(s: RequestSession): Session {
      const b = s.body;
      return {
        user: { id: b.user.id, name: b.user.name, domain: b.user.domain },
        project: { id: b.project!.id, name: b.project!.name, domain: b.project!.domain },
        roles: s.roles,
        isAdmin: s.isAdmin,
        region: s.region,
        expiresAt: new Date(s.sealed.expiresAt).toISOString(),
        projects: s.projects.map((p) => ({ id: p.id, name: p.name, domainId: p.domain_id })),
        authMethod: s.sealed.method,
      };
    },
  };
}

export type SessionService = ReturnType<typeof createSessionService>;
