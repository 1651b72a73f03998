import { expect, test, type DemoUser } from "./fixtures";
import { ViewPage } from "./pages/ViewPage";
import { settle, viewPath } from "./view-nav";
import { views } from "./views";

/**
 * Screenshots for review, in test-results/screenshots/<target>/ (not committed). Each variant also checks what
 * makes it that variant: the page's language and strings, and the theme's actual background luminance. Issue 13's
 * project pages (as demo) and admin pages (as admin) are shot in one test per variant, named
 * <view>-<user>-<locale>-<theme>.png.
 */
const OVERVIEW = { en: "Overview", "zh-CN": "概览" } as const;

/** Relative luminance (0 black … 1 white) of the page body's computed background. */
async function bodyLuminance(page: import("@playwright/test").Page): Promise<number> {
  return page.evaluate(() => {
    const c = document.createElement("canvas").getContext("2d")!;
    c.fillStyle = getComputedStyle(document.body).backgroundColor;
    c.fillRect(0, 0, 1, 1);
    const [r, g, b] = Array.from(c.getImageData(0, 0, 1, 1).data)
      .map((v) => v / 255)
      .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  });
}

async function expectVariant(page: import("@playwright/test").Page, locale: "en" | "zh-CN", theme: "light" | "dark"): Promise<void> {
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
  if (theme === "dark") expect(await bodyLuminance(page)).toBeLessThan(0.1);
  else expect(await bodyLuminance(page)).toBeGreaterThan(0.8);
}

/** The project and admin pages of issue 13, shot in every variant (e2e/views.ts names them). */
const PAGES = [
  "overview",
  "instances",
  "instance detail",
  "volumes",
  "images",
  "networks",
  "routers",
  "floating IPs",
  "security groups",
  "key pairs",
  "flavors",
  "topology",
  "hypervisors",
  "all instances",
  "lineage",
  "dhcp",
  "rollouts",
  "audit",
];
const pages = PAGES.map((name) => {
  const view = views.find((v) => v.name === name);
  if (!view?.user) throw new Error(`e2e/views.ts has no signed-in view named ${name}`);
  return { ...view, user: view.user as DemoUser };
});
/** Han characters: every zh-CN page has some in its main region, an en page none (the sim's data is ASCII). */
const HAN = /\p{Script=Han}/u;

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
      await expectVariant(app.page, locale, theme);
      await app.login.screenshot(`login-${locale}-${theme}`);

      await app.signInViaApi("admin");
      await app.overview.goto();
      await expect(app.overview.catalogRow("compute")).toBeVisible();
      await expect(app.overview.heading).toHaveText(OVERVIEW[locale]);
      await expectVariant(app.page, locale, theme);
      await app.overview.screenshot(`overview-admin-${locale}-${theme}`);

      await app.system.goto();
      await expect(app.system.serviceRow("compute")).toBeVisible();
      await expectVariant(app.page, locale, theme);
      await app.system.screenshot(`system-admin-${locale}-${theme}`);

      await app.overview.goto();
      await app.overview.projectSwitcher.click();
      await expect(app.overview.menu).toBeVisible();
      await app.overview.screenshot(`project-menu-${locale}-${theme}`);
    });
  }

  for (const { locale, theme } of variants) {
    test(`project and admin pages in ${locale}, ${theme}`, async ({ app, page }) => {
      test.setTimeout(300_000);
      await app.setPreferences({ locale, theme });
      const ids = new Map<string, string | undefined>();
      let user: DemoUser | undefined;
      for (const view of pages) {
        if (view.user !== user) {
          await app.signInViaApi(view.user);
          user = view.user;
          ids.clear();
        }
        const path = await viewPath(page, view, ids);
        if (!path) {
          test
            .info()
            .annotations.push({ type: "not shot", description: `${view.name}: no item of /api/${view.firstOf ?? "instances"} to open` });
          continue;
        }
        const shown = new ViewPage(page, path);
        await shown.goto();
        await settle(page);
        await expect(shown.heading, view.name).toBeVisible();
        await expectVariant(page, locale, theme);
        const text = await shown.main.innerText();
        if (locale === "zh-CN") expect(text, `${view.name}: no Chinese text in ${locale}`).toMatch(HAN);
        else expect(text, `${view.name}: Chinese text in ${locale}`).not.toMatch(HAN);
        await shown.screenshot(`${view.name.replace(/\W+/g, "-").toLowerCase()}-${user}-${locale}-${theme}`);
      }
    });
  }

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
