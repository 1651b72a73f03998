import { expect, test } from "./fixtures";
import { signInThroughForm } from "./flows/auth";

const projectLinks = ["Overview", "Instances", "Volumes", "Images", "Networks"];
const adminLinks = ["System", "Lineage", "DHCP HA", "Rollouts"];

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
    await expect(app.placeholder("/admin/rollouts").notBuilt).toBeVisible();
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

  test("an unknown address shows a not-found page", async ({ app }) => {
    await app.signInViaApi("demo");
    await app.page.goto("/project/no-such-page");
    await expect(app.page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  });
});
