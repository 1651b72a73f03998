import type { DemoUser } from "./fixtures";

/**
 * Every view of the app, with the user who sees it; "{first}" stands for the first item's id of the list
 * `/api/<firstOf>` (instances when not given).
 */
export const views: { name: string; path: string; user?: DemoUser; firstOf?: string }[] = [
  { name: "login", path: "/login" },
  { name: "overview", path: "/project", user: "demo" },
  { name: "instances", path: "/project/instances", user: "demo" },
  { name: "instance detail", path: "/project/instances/{first}", user: "demo" },
  { name: "launch", path: "/project/instances/launch", user: "demo" },
  { name: "volumes", path: "/project/volumes", user: "demo" },
  { name: "volume detail", path: "/project/volumes/{first}", user: "demo", firstOf: "volumes" },
  { name: "images", path: "/project/images", user: "demo" },
  { name: "image detail", path: "/project/images/{first}", user: "demo", firstOf: "images" },
  { name: "image upload", path: "/project/images/upload", user: "demo" },
  { name: "networks", path: "/project/networks", user: "demo" },
  { name: "network create", path: "/project/networks/create", user: "demo" },
  { name: "network detail", path: "/project/networks/{first}", user: "demo", firstOf: "networks" },
  { name: "routers", path: "/project/routers", user: "demo" },
  { name: "floating IPs", path: "/project/floating-ips", user: "demo" },
  { name: "topology", path: "/project/topology", user: "demo" },
  { name: "security groups", path: "/project/security-groups", user: "demo" },
  { name: "key pairs", path: "/project/key-pairs", user: "demo" },
  { name: "flavors", path: "/project/flavors", user: "demo" },
  { name: "system", path: "/admin/system", user: "admin" },
  { name: "hypervisors", path: "/admin/infrastructure", user: "admin" },
  { name: "all instances", path: "/admin/all-instances", user: "admin" },
  { name: "all volumes", path: "/admin/all-volumes", user: "admin" },
  { name: "lineage", path: "/admin/lineage", user: "admin" },
  { name: "dhcp", path: "/admin/dhcp", user: "admin" },
  { name: "rollouts", path: "/admin/rollouts", user: "admin" },
  { name: "audit", path: "/admin/audit", user: "admin" },
];

/** The instance page's tabs, each loaded on demand: scanned by axe like the views (e2e/a11y.spec.ts). */
export const instanceTabViews: { name: string; path: string; user: DemoUser; firstOf?: string }[] = [
  "volumes",
  "ports",
  "console",
  "actions",
  "lineage",
].map((tab) => ({ name: `instance detail: ${tab} tab`, path: `/project/instances/{first}?tab=${tab}`, user: "demo" }));
