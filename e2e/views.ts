import type { DemoUser } from "./fixtures";

/** Every view of the app, with the user who sees it; "{first}" stands for the first instance's id. */
export const views: { name: string; path: string; user?: DemoUser }[] = [
  { name: "login", path: "/login" },
  { name: "overview", path: "/project", user: "demo" },
  { name: "instances", path: "/project/instances", user: "demo" },
  { name: "instance detail", path: "/project/instances/{first}", user: "demo" },
  { name: "launch", path: "/project/instances/launch", user: "demo" },
  { name: "volumes", path: "/project/volumes", user: "demo" },
  { name: "images", path: "/project/images", user: "demo" },
  { name: "networks", path: "/project/networks", user: "demo" },
  { name: "network create", path: "/project/networks/create", user: "demo" },
  { name: "network detail", path: "/project/networks/{network}", user: "demo" },
  { name: "routers", path: "/project/routers", user: "demo" },
  { name: "floating IPs", path: "/project/floating-ips", user: "demo" },
  { name: "topology", path: "/project/topology", user: "demo" },
  { name: "security groups", path: "/project/security-groups", user: "demo" },
  { name: "key pairs", path: "/project/key-pairs", user: "demo" },
  { name: "flavors", path: "/project/flavors", user: "demo" },
  { name: "system", path: "/admin/system", user: "admin" },
  { name: "lineage", path: "/admin/lineage", user: "admin" },
  { name: "dhcp", path: "/admin/dhcp", user: "admin" },
  { name: "rollouts", path: "/admin/rollouts", user: "admin" },
  { name: "audit", path: "/admin/audit", user: "admin" },
];
