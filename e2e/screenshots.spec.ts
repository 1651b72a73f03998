import { expect, test } from "./fixtures";
import { VolumesPage } from "./pages/ResourceListPage";

/** Reference screenshots for review, in test-results/screenshots/ (not compared, not committed). */
const variants = [
  { locale: "en", theme: "light" },
  { locale: "en", theme: "dark" },
  { locale: "zh-CN", theme: "light" },
  { locale: "zh-CN", theme: "dark" },
] as const;

test.describe("screenshots", () => {
  for (const { locale, theme } of variants) {
    test(`login, overview and system in ${locale}, ${theme}`, async ({ app }) => {
      await app.setPreferences({ locale, theme });
      await app.login.goto();
      await expect(app.login.submit).toBeVisible();
      await app.login.screenshot(`login-${locale}-${theme}`);

      await app.signInViaApi("admin");
      await app.overview.goto();
      await expect(app.overview.catalogRow("compute")).toBeVisible();
      await app.overview.screenshot(`overview-admin-${locale}-${theme}`);

      await app.system.goto();
      await expect(app.system.serviceRow("compute")).toBeVisible();
      await app.system.screenshot(`system-admin-${locale}-${theme}`);

      await app.overview.goto();
      await app.overview.projectSwitcher.click();
      await expect(app.overview.menu).toBeVisible();
      await app.overview.screenshot(`project-menu-${locale}-${theme}`);
    });
  }

  test("member overview and the volumes page", async ({ app }) => {
    await app.signInViaApi("demo");
    await app.overview.goto();
    await expect(app.overview.catalogRow("compute")).toBeVisible();
    await app.overview.screenshot("overview-demo-en-light");
    const volumes = new VolumesPage(app.page);
    await volumes.goto();
    await expect(volumes.heading).toHaveText("Volumes");
    await expect(volumes.table.or(volumes.empty)).toBeVisible();
    await volumes.screenshot("volumes-demo-en-light");
  });

  test("a wrong password, in both languages", async ({ app }) => {
    for (const locale of ["en", "zh-CN"] as const) {
      await app.setPreferences({ locale, theme: "light" });
      await app.login.goto();
      await app.login.login("admin", "wrong");
      await expect(app.login.error).toBeVisible();
      await app.login.screenshot(`login-error-${locale}`);
    }
  });
});
