import { expect, test } from "./fixtures";
import { signInThroughForm } from "./flows/auth";

const projectLinks = [
  "Overview",
  "Instances",
  "Volumes",
  "Images",
  "Networks",
  "Routers",
  "Floating IPs",
  "Network topology",
  "Security groups",
  "Key pairs",
  "Flavors",
];
const adminLinks = ["System", "Hypervisors and services", "All instances", "All volumes", "Lineage", "DHCP HA", "Rollouts", "Audit"];

test.describe("navigation by role", () => {
  test("admin sees the Project and Admin sections", async ({ app }) => {
    await signInThroughForm(app, "admin");
    const shell = app.overview;
    await expect(shell.projectSection.getByRole("link")).toHaveText(projectLinks);
    await expect(shell.adminSection.getByRole("link")).toHaveText(adminLinks);
    await expect(shell.currentNavLink).toHaveText("Overview");
    await shell.screenshot("nav-admin-en-light");
  });

  test("a member sees no Admin section", async ({ app }) => {
    await signInThroughForm(app, "demo");
    const shell = app.overview;
    await expect(shell.projectSection.getByRole("link")).toHaveText(projectLinks);
    await expect(shell.adminSection).toHaveCount(0);
    for (const name of adminLinks) await expect(shell.navLink(name)).toHaveCount(0);
    await shell.screenshot("nav-demo-en-light");
  });

  test("a member who opens an admin page directly gets a clear 403", async ({ app }) => {
    await app.signInViaApi("demo");
    await app.system.goto();
    await expect(app.system.forbidden).toBeVisible();
    await expect(app.system.table).toHaveCount(0);
    await app.system.screenshot("system-demo-forbidden-en-light");
  });

  test("every nav entry leads to a titled page and marks itself current", async ({ app }) => {
    await app.signInViaApi("admin");
    await app.overview.goto();
    for (const name of [...projectLinks.slice(1), ...adminLinks]) {
      await app.overview.navLink(name).click();
      await expect(app.overview.heading).toHaveText(name);
      await expect(app.overview.currentNavLink).toHaveText(name);
    }
  });

  test("menus open from the keyboard and Escape closes them", async ({ app }) => {
    await app.signInViaApi("admin");
    await app.overview.goto();
    await app.overview.userMenu.focus();
    await app.page.keyboard.press("ArrowDown");
    await expect(app.overview.menu).toBeVisible();
    await expect(app.overview.menu.getByRole("menuitem", { name: "Sign out" })).toBeFocused();
    await app.page.keyboard.press("Escape");
    await expect(app.overview.menu).toHaveCount(0);
    await expect(app.overview.userMenu).toBeFocused();
    await expect(app.overview.userMenu).toHaveAttribute("aria-expanded", "false");
  });

  test("/ opens the overview, and an unknown address shows a not-found page", async ({ app }) => {
    await app.signInViaApi("demo");
    await app.page.goto("/");
    await expect(app.page).toHaveURL(/\/project$/);
    await app.page.goto("/project/no-such-page");
    await expect(app.page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  });

  test("on a narrow screen the navigation is a drawer that Escape closes", async ({ app }) => {
    await app.page.setViewportSize({ width: 390, height: 844 });
    await app.signInViaApi("demo");
    await app.overview.goto();
    await expect(app.overview.nav).toBeHidden();
    await expect(app.overview.catalogRow("compute")).toBeVisible();
    // Wide tables scroll inside their card; the page itself never scrolls sideways.
    expect(await app.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await app.page.getByRole("button", { name: "Open navigation" }).click();
    const drawer = app.page.getByRole("dialog", { name: "Main navigation" });
    await expect(drawer.getByRole("link", { name: "Volumes" })).toBeVisible();
    await app.overview.screenshot("nav-drawer-demo-en-light-mobile");
    await app.page.keyboard.press("Escape");
    await expect(drawer).toHaveCount(0);
    await app.page.getByRole("button", { name: "Open navigation" }).click();
    await drawer.getByRole("link", { name: "Volumes" }).click();
    await expect(app.overview.heading).toHaveText("Volumes");
    await expect(drawer).toHaveCount(0);
  });
});
