import { createHash } from "node:crypto";
import type { SimState } from "../../core/state";

export interface Domain {
  id: string;
  name: string;
}
export interface Project {
  id: string;
  name: string;
  domainId: string;
  description: string;
  enabled: boolean;
}
export interface User {
  id: string;
  name: string;
  domainId: string;
  passwordHash: string;
  enabled: boolean;
  passwordExpiresAt: string | null;
  /** Keystone's default_project_id: absent from the user's body when unset (real Zed: admin has none, demo has demo). */
  defaultProjectId?: string | null;
  description?: string | null;
}
export interface Role {
  id: string;
  name: string;
}
export interface Assignment {
  id: string;
  userId: string;
  projectId: string;
  roleId: string;
}
export interface Token {
  id: string;
  userId: string;
  projectId: string | null;
  methods: string[];
  issuedAt: number;
  expiresAt: number;
  auditIds: string[];
  appCredId?: string;
  revoked?: boolean;
}
export interface AppCredential {
  id: string;
  name: string;
  userId: string;
  projectId: string;
  secretHash: string;
  roleIds: string[];
  expiresAt: number | null;
  unrestricted: boolean;
  description: string | null;
}

/** Deterministic Keystone-style ids, so a reset scenario keeps the same ids. */
export const stableId = (kind: string, name: string): string => createHash("md5").update(`${kind}:${name}`).digest("hex");

export const hashSecret = (secret: string): string => createHash("sha256").update(secret).digest("hex");

export function identity(state: SimState) {
  const s = state.store;
  const domains = s.collection<Domain>("keystone.domain");
  const projects = s.collection<Project>("keystone.project");
  const users = s.collection<User>("keystone.user");
  const roles = s.collection<Role>("keystone.role");
  const assignments = s.collection<Assignment>("keystone.assignment");
  const tokens = s.collection<Token>("keystone.token");
  const appCreds = s.collection<AppCredential>("keystone.appcred");

  const rolesFor = (userId: string, projectId: string): Role[] =>
    assignments
      .filter((a) => a.userId === userId && a.projectId === projectId)
      .map((a) => roles.get(a.roleId))
      .filter((r): r is Role => !!r);

  const projectsFor = (userId: string): Project[] => {
    const ids = new Set(assignments.filter((a) => a.userId === userId).map((a) => a.projectId));
    return [...ids].map((id) => projects.get(id)).filter((p): p is Project => !!p && p.enabled);
  };

  return { domains, projects, users, roles, assignments, tokens, appCreds, rolesFor, projectsFor };
}
