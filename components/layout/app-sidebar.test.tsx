// @vitest-environment jsdom
import { screen, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { makeSession, renderWithProviders } from "@/components/test/render";
import { SidebarNav } from "./app-sidebar";
import { navSections } from "@/lib/nav-sections";

const nav = vi.hoisted(() => ({ pathname: "/project" }));
vi.mock("next/navigation", () => ({
  usePathname: () => nav.pathname,
  useRouter: () => ({ push: vi.fn(), replace: vi.fn(), refresh: vi.fn() }),
}));

describe("SidebarNav", () => {
  beforeEach(() => {
    nav.pathname = "/project";
  });

  it("shows the Admin section to an admin", () => {
    renderWithProviders(<SidebarNav nav={navSections} session={makeSession()} />);
    const admin = screen.getByRole("group", { name: "Admin" });
    expect(
      within(admin)
        .getAllByRole("link")
        .map((a) => a.textContent),
    ).toEqual(["System", "Hypervisors and services", "All instances", "All volumes", "Lineage", "DHCP HA", "Rollouts", "Audit"]);
  });

  it("hides the Admin section from a member", () => {
    renderWithProviders(<SidebarNav nav={navSections} session={makeSession({ isAdmin: false, roles: ["member", "reader"] })} />);
    expect(screen.queryByRole("group", { name: "Admin" })).toBeNull();
    expect(screen.queryByRole("link", { name: "System" })).toBeNull();
    expect(screen.getAllByRole("link")).toHaveLength(11);
  });

  it("marks exactly the current page with aria-current", () => {
    nav.pathname = "/admin/dhcp";
    renderWithProviders(<SidebarNav nav={navSections} session={makeSession()} />);
    expect(screen.getByRole("link", { name: "DHCP HA" })).toHaveAttribute("aria-current", "page");
    expect(screen.getByRole("link", { name: "Overview" })).not.toHaveAttribute("aria-current");
    expect(document.querySelectorAll('[aria-current="page"]')).toHaveLength(1);
  });

  it("speaks Chinese when the locale is zh-CN", () => {
    renderWithProviders(<SidebarNav nav={navSections} session={makeSession()} />, { locale: "zh-CN" });
    expect(screen.getByRole("navigation", { name: "主导航" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "云主机" })).toHaveAttribute("href", "/project/instances");
  });
});
