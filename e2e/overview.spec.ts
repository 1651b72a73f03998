import { expect, test } from "./fixtures";

test.describe("project switcher", () => {
  test("admin switches from one project to another and back", async ({ app }) => {
    await app.signInViaApi("admin", "admin");
    await app.overview.goto();
    await expect(app.overview.currentProject).toHaveText("admin");
    await expect(app.overview.sessionCard).toContainText("admin");

    const switched = app.page.waitForResponse((r) => r.url().endsWith("/api/auth/project") && r.status() === 200);
    const catalogRefetched = app.page.waitForResponse((r) => r.url().endsWith("/api/catalog") && r.status() === 200);
    await app.overview.switchProject("demo");
    await switched;
    await catalogRefetched;
    await expect(app.overview.currentProject).toHaveText("demo");
    await expect(app.overview.sessionCard.getByRole("definition").nth(1)).toContainText("demo");

    // The new scope is the server's too: a reload keeps it.
    await app.page.reload();
    await expect(app.overview.currentProject).toHaveText("demo");

    await app.overview.switchProject("admin");
    await expect(app.overview.currentProject).toHaveText("admin");
  });

  test("the switcher lists only the member's projects", async ({ app }) => {
    await app.signInViaApi("demo");
    await app.overview.goto();
    await app.overview.projectSwitcher.click();
    await expect(app.overview.menu.getByRole("menuitemradio")).toHaveText(["demo"]);
    await expect(app.overview.menu.getByRole("menuitemradio", { name: "demo" })).toHaveAttribute("aria-checked", "true");
    await app.page.keyboard.press("Escape");
    await expect(app.overview.menu).toHaveCount(0);
  });
});
