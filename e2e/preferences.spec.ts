import { expect, test } from "./fixtures";

test.describe("language and theme", () => {
  test("the language switch renders the app in Chinese and the choice survives a reload", async ({ app }) => {
    await app.signInViaApi("admin");
    await app.overview.goto();
    await app.overview.chooseLanguage("简体中文");
    await expect(app.overview.heading).toHaveText("概览");
    await expect(app.overview.navLink("云主机")).toBeVisible();
    await expect(app.page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await app.page.reload();
    await expect(app.overview.heading).toHaveText("概览");
    await app.overview.chooseLanguage("English");
    await expect(app.overview.heading).toHaveText("Overview");
  });

  test("the theme toggle switches to dark without a flash after reload", async ({ app }) => {
    await app.signInViaApi("demo");
    await app.overview.goto();
    const html = app.page.locator("html");
    await app.overview.chooseTheme(/Dark/);
    await expect(html).toHaveClass(/\bdark\b/);
    // The server renders the class from the cookie, so the very first HTML already has it.
    const res = await app.page.request.get("/project");
    expect(await res.text()).toMatch(/<html[^>]*class="dark"/);
    await app.page.reload();
    await expect(html).toHaveClass(/\bdark\b/);
    await app.overview.chooseTheme(/Light/);
    await expect(html).not.toHaveClass(/\bdark\b/);
  });

  test("system theme follows the OS preference", async ({ app }) => {
    await app.page.emulateMedia({ colorScheme: "dark" });
    await app.setPreferences({ theme: "system" });
    await app.login.goto();
    await expect(app.page.locator("html")).toHaveClass(/\bdark\b/);
  });
});
