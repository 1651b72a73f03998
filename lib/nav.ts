import type { MessageKey } from "@/lib/i18n/translate";

export type NavIcon =
  | "overview"
  | "instances"
  | "volumes"
  | "images"
  | "networks"
  | "system"
  | "lineage"
  | "dhcp"
  | "rollouts"
  | "audit"
  | "globe"
  | "shield"
  | "key";

export interface NavItem {
  href: string;
  label: MessageKey;
  icon: NavIcon;
  /** Match only this exact path (for section roots such as /project). */
  exact?: boolean;
}

export interface NavSection {
  id: "project" | "admin";
  label: MessageKey;
  /** Shown only to sessions whose token carries the admin role. */
  adminOnly: boolean;
  items: NavItem[];
}

export const navSections: readonly NavSection[] = [
  {
    id: "project",
    label: "nav.project",
    adminOnly: false,
    items: [
      { href: "/project", label: "nav.overview", icon: "overview", exact: true },
      { href: "/project/instances", label: "nav.instances", icon: "instances" },
      { href: "/project/volumes", label: "nav.volumes", icon: "volumes" },
      { href: "/project/images", label: "nav.images", icon: "images" },
      { href: "/project/networks", label: "nav.networks", icon: "networks" },
      { href: "/project/routers", label: "netnav.routers", icon: "system" },
      { href: "/project/floating-ips", label: "netnav.floatingIps", icon: "globe" },
      { href: "/project/topology", label: "netnav.topology", icon: "lineage" },
      { href: "/project/security-groups", label: "netnav.securityGroups", icon: "shield" },
      { href: "/project/key-pairs", label: "netnav.keypairs", icon: "key" },
      { href: "/project/flavors", label: "netnav.flavors", icon: "instances" },
    ],
  },
  {
    id: "admin",
    label: "nav.admin",
    adminOnly: true,
    items: [
      { href: "/admin/system", label: "nav.system", icon: "system" },
      { href: "/admin/infrastructure", label: "infrastructure.nav", icon: "system" },
      { href: "/admin/all-instances", label: "allProjects.navInstances", icon: "instances" },
      { href: "/admin/all-volumes", label: "allProjects.navVolumes", icon: "volumes" },
      { href: "/admin/lineage", label: "nav.lineage", icon: "lineage" },
      { href: "/admin/dhcp", label: "nav.dhcp", icon: "dhcp" },
      { href: "/admin/rollouts", label: "nav.rollouts", icon: "rollouts" },
      { href: "/admin/audit", label: "nav.audit", icon: "audit" },
    ],
  },
];

/** The sections a session may see. The BFF enforces roles too; this only hides what would 403. */
export function visibleNavSections(session: { isAdmin: boolean } | undefined): NavSection[] {
  return navSections.filter((s) => !s.adminOnly || session?.isAdmin === true);
}

/** Whether a nav item is the current page (or an ancestor of it). */
export function isNavItemActive(item: NavItem, pathname: string): boolean {
  if (item.exact) return pathname === item.href;
  return pathname === item.href || pathname.startsWith(`${item.href}/`);
}

/** The nav item for a path, for page titles and breadcrumbs. */
export function findNavItem(pathname: string): { section: NavSection; item: NavItem } | undefined {
  for (const section of navSections) {
    const item = section.items.find((i) => isNavItemActive(i, pathname));
    if (item) return { section, item };
  }
  return undefined;
}
