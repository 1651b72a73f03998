import { findingCount, seriousA11yViolations, type A11yFinding } from "./a11y";
import { expect, test, type DemoUser } from "./fixtures";
import { settle, viewPath } from "./view-nav";
import { instanceTabViews, views } from "./views";

/**
 * Every page passes axe with 0 serious or critical violations (issue 13), in both themes, on a desktop and a mobile
 * viewport. Each view is scanned once its data has loaded (network idle, nothing aria-busy), so the rows, badges and
 * tables the user sees are what axe checks. Runs on both targets: the pages are the same, the data differs.
 */
const themes = ["light", "dark"] as const;
const viewports = [
  { name: "desktop", width: 1440, height: 900 },
  { name: "mobile", width: 390, height: 844 },
] as const;

const firstIds = new Map<string, string | undefined>();

for (const view of [...views, ...instanceTabViews]) {
  test(`axe: ${view.name} has no serious or critical violations (light + dark, desktop + mobile)`, async ({ page, app }, info) => {
    test.setTimeout(120_000);
    if (view.user) await app.signInViaApi(view.user as DemoUser);
    const path = await viewPath(page, view, firstIds);
    test.skip(!path, `no item of /api/${view.firstOf ?? "instances"} to open in this cloud`);
    const found: Record<string, A11yFinding[]> = {};
    for (const theme of themes) {
      await app.setPreferences({ theme, locale: "en" });
      for (const vp of viewports) {
        await page.setViewportSize({ width: vp.width, height: vp.height });
        await page.goto(path!);
        await settle(page);
        found[`${theme}/${vp.name}`] = await seriousA11yViolations(page);
      }
    }
    const counts = Object.fromEntries(Object.entries(found).map(([k, f]) => [k, findingCount(f)]));
    info.annotations.push({ type: `axe serious+critical nodes: ${view.name}`, description: JSON.stringify(counts) });
    console.log(`AXE ${view.name} ${JSON.stringify(counts)}`);
    const failing = Object.fromEntries(Object.entries(found).filter(([, f]) => f.length > 0));
    expect(failing, `${view.name}: ${JSON.stringify(failing, null, 1)}`).toEqual({});
  });
}
