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

/** The sections a session may see. The BFF enforces roles too; this only hides what would 403. */
export function visibleNavSections(sections: readonly NavSection[], session: { isAdmin: boolean } | undefined): NavSection[] {
  return sections.filter((s) => !s.adminOnly || session?.isAdmin === true);
}

/** Whether a nav item is the current page (or an ancestor of it). */
export function isNavItemActive(item: NavItem, pathname: string): boolean {
  if (item.exact) return pathname === item.href;
  return pathname === item.href || pathname.startsWith(`${item.href}/`);
}

/** The nav item for a path, for page titles and breadcrumbs. */
export function findNavItem(sections: readonly NavSection[], pathname: string): { section: NavSection; item: NavItem } | undefined {
  for (const section of sections) {
    const item = section.items.find((i) => isNavItemActive(i, pathname));
    if (item) return { section, item };
  }
  return undefined;
}
