import type { KeystoneProject } from "../openstack/keystone";

/** How many projects a sign-in scopes to, at most, looking for one where the user holds admin. */
export const MAX_ADMIN_PROBES = 5;
/** keystone-manage bootstrap's default project name: the cloud admin's own project by convention. */
const BOOTSTRAP_PROJECT = "admin";

export interface ProjectChoice {
  /** The project the user last worked in (the last-project cookie), when Keystone still lists it. */
  remembered: KeystoneProject | null;
  /** Where to look for the admin role, in order: bootstrap's "admin" project first, then Keystone's order. */
  adminProbes: KeystoneProject[];
  /** Keystone's first project: the answer when nothing else applies. */
  fallback: KeystoneProject;
}

/**
 * The order a sign-in with no project asked for tries projects in, once Keystone's own default scoping
 * (the user's default_project_id) did not apply: the last project used, then one where the user holds
 * admin, then the first. A user may hold admin in several (the real tier's admin holds it in admin and
 * demo); the bootstrap project wins that tie, then Keystone's order.
 */
export function chooseProject(projects: readonly KeystoneProject[], lastProjectId: string | null): ProjectChoice {
  if (!projects.length) throw new Error("chooseProject needs at least one project");
  const remembered = (lastProjectId && projects.find((p) => p.id === lastProjectId)) || null;
  const ordered = [...projects].sort((a, b) => Number(b.name === BOOTSTRAP_PROJECT) - Number(a.name === BOOTSTRAP_PROJECT));
  return { remembered, adminProbes: ordered.slice(0, MAX_ADMIN_PROBES), fallback: projects[0] };
}
