import type { DemoUser } from "./fixtures";

/** Every view of the app, with the user who sees it; "{first}" stands for the first instance's id, "{image}" for the first image's. */
export const views: { name: string; path: string; user?: DemoUser }[] = [
  { name: "login", path: "/login" },
  { name: "overview", path: "/project", user: "demo" },
  { name: "instances", path: "/project/instances", user: "demo" },
  { name: "instance detail", path: "/project/instances/{first}", user: "demo" },
  { name: "launch", path: "/project/instances/launch", user: "demo" },
  { name: "volumes", path: "/project/volumes", user: "demo" },
  { name: "images", path: "/project/images", user: "demo" },
  { name: "image detail", path: "/project/images/{image}", user: "demo" },
  { name: "image upload", path: "/project/images/upload", user: "demo" },
  { name: "networks", path: "/project/networks", user: "demo" },
  { name: "system", path: "/admin/system", user: "admin" },
  { name: "hypervisors", path: "/admin/infrastructure", user: "admin" },
  { name: "all instances", path: "/admin/all-instances", user: "admin" },
  { name: "all volumes", path: "/admin/all-volumes", user: "admin" },
  { name: "lineage", path: "/admin/lineage", user: "admin" },
  { name: "dhcp", path: "/admin/dhcp", user: "admin" },
  { name: "rollouts", path: "/admin/rollouts", user: "admin" },
  { name: "audit", path: "/admin/audit", user: "admin" },
];

/** A view's path with its placeholders filled from the cloud ("{first}" instance, "{image}" image), via the BFF. */
export async function resolveViewPath(path: string, get: (url: string) => Promise<{ json(): Promise<unknown> }>): Promise<string | null> {
  let out = path;
  if (out.includes("{first}")) {
    const id = ((await (await get("/api/instances")).json()) as { items: { id: string }[] }).items[0]?.id;
    if (!id) return null;
    out = out.replace("{first}", id);
  }
  if (out.includes("{image}")) {
    const id = ((await (await get("/api/images?limit=1")).json()) as { items: { id: string }[] }).items[0]?.id;
    if (!id) return null;
    out = out.replace("{image}", id);
  }
  return out;
}
