import type { Project, Role, User } from "./model";

/** Keystone's wire bodies for projects, users and roles; `v3` is the identity endpoint's /v3 URL. */
export const projectRef = (v3: string, p: Project) => ({
  id: p.id,
  name: p.name,
  domain_id: p.domainId,
  description: p.description,
  enabled: p.enabled,
  is_domain: false,
  parent_id: p.domainId,
  options: {},
  tags: [],
  links: { self: `${v3}/projects/${p.id}` },
});

export const userRef = (v3: string, u: User) => ({
  id: u.id,
  name: u.name,
  domain_id: u.domainId,
  enabled: u.enabled,
  ...(u.defaultProjectId ? { default_project_id: u.defaultProjectId } : {}),
  ...(u.description !== undefined ? { description: u.description } : {}),
  password_expires_at: u.passwordExpiresAt,
  options: {},
  links: { self: `${v3}/users/${u.id}` },
});

export const roleRef = (v3: string, r: Role) => ({
  id: r.id,
  name: r.name,
  domain_id: null,
  description: null,
  options: { immutable: true },
  links: { self: `${v3}/roles/${r.id}` },
});

/** A collection's links, with the request's query string in self (as Keystone echoes it). */
export const listLinks = (v3: string, path: string, query: string) => ({ next: null, self: `${v3}${path}${query}`, previous: null });
