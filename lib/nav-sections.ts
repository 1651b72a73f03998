import type { NavSection } from "./nav";

/**
 * The app's navigation. Imported by the server layout only, which hands it to the client shell as a prop: the
 * entries travel in the page's RSC payload, not in the JS every view loads first (the 170 KiB budget).
 */
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
