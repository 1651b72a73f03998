import { describe, expect, it } from "vitest";
import { findNavItem, isNavItemActive, visibleNavSections } from "./nav";
import { navSections } from "./nav-sections";

const hrefs = (sections: ReturnType<typeof visibleNavSections>) => sections.flatMap((s) => s.items.map((i) => i.href));

describe("navigation", () => {
  it("shows the Admin section only to admins", () => {
    expect(visibleNavSections(navSections, { isAdmin: true }).map((s) => s.id)).toEqual(["project", "admin"]);
    expect(visibleNavSections(navSections, { isAdmin: false }).map((s) => s.id)).toEqual(["project"]);
    expect(visibleNavSections(navSections, undefined).map((s) => s.id)).toEqual(["project"]);
    expect(hrefs(visibleNavSections(navSections, { isAdmin: false }))).not.toContain("/admin/system");
  });

  it("lists the pages of issue 2 in order", () => {
    expect(hrefs(navSections as never)).toEqual([
      "/project",
      "/project/instances",
      "/project/volumes",
      "/project/images",
      "/project/networks",
      "/project/routers",
      "/project/floating-ips",
      "/project/topology",
      "/project/security-groups",
      "/project/key-pairs",
      "/project/flavors",
      "/admin/system",
      "/admin/infrastructure",
      "/admin/all-instances",
      "/admin/all-volumes",
      "/admin/lineage",
      "/admin/dhcp",
      "/admin/rollouts",
      "/admin/audit",
    ]);
  });

  it("marks Overview current only on /project itself, other items on their subpaths too", () => {
    const [overview, instances] = navSections[0].items;
    expect(isNavItemActive(overview, "/project")).toBe(true);
    expect(isNavItemActive(overview, "/project/instances")).toBe(false);
    expect(isNavItemActive(instances, "/project/instances")).toBe(true);
    expect(isNavItemActive(instances, "/project/instances/abc")).toBe(true);
    expect(isNavItemActive(instances, "/project/instancesX")).toBe(false);
  });

  it("finds the item for a path", () => {
    expect(findNavItem(navSections, "/admin/dhcp")?.item.label).toBe("nav.dhcp");
    expect(findNavItem(navSections, "/elsewhere")).toBeUndefined();
  });
});
