import type { SimState } from "../core/state";
import { hashSecret, identity, stableId } from "../services/keystone/model";

/** Keystone data shared by every scenario: the demo users and projects from the README. */
export function seedIdentity(state: SimState): void {
  const ks = identity(state);
  ks.domains.put({ id: "default", name: "Default" });
  for (const name of ["admin", "demo", "service"]) {
    ks.projects.put({ id: stableId("project", name), name, domainId: "default", description: `${name} project`, enabled: true });
  }
  for (const name of ["admin", "member", "reader", "service"]) ks.roles.put({ id: stableId("role", name), name });
  // As on the real tier: keystone-manage bootstrap's admin has no default project; demo's is demo.
  const users: [string, string, string | null][] = [
    ["admin", state.config.adminPassword, null],
    ["demo", state.config.demoPassword, "demo"],
  ];
  for (const [name, password, home] of users) {
    ks.users.put({
      id: stableId("user", name),
      name,
      domainId: "default",
      passwordHash: hashSecret(password),
      enabled: true,
      passwordExpiresAt: null,
      defaultProjectId: home ? stableId("project", home) : null,
    });
  }
  const grant = (user: string, project: string, role: string) =>
    ks.assignments.put({
      id: stableId("assignment", `${user}:${project}:${role}`),
      userId: stableId("user", user),
      projectId: stableId("project", project),
      roleId: stableId("role", role),
    });
  for (const project of ["admin", "demo"]) {
    grant("admin", project, "admin");
    grant("admin", project, "member");
    grant("admin", project, "reader");
  }
  grant("demo", "demo", "member");
  grant("demo", "demo", "reader");
}

export const projectId = (name: string) => stableId("project", name);
export const userId = (name: string) => stableId("user", name);
