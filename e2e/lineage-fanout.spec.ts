import { expect, test } from "./fixtures";
import { BusyParent } from "./flows/busy-parent";
import { LaunchPage } from "./pages/LaunchPage";
import { LineagePage } from "./pages/LineagePage";

/**
 * Both e2e servers set a fan-out limit of 2 running clones (scripts/e2e-server.sh). The sim's seeded raw image has
 * more; the real tier's has none between tests, so on real the spec makes 3 (volumes cloned from it, on a running
 * server) and removes them afterwards.
 */
const RUNNING_CLONES_ON_REAL = 3;

test.describe("Admin → Lineage → Fan-out", () => {
  let busy: BusyParent | undefined;
  test.beforeAll(async ({ target, cloud, seed }) => {
    if (target !== "real") return;
    test.setTimeout(240_000);
    busy = await BusyParent.as(cloud);
    await busy.make(seed, RUNNING_CLONES_ON_REAL);
  });
  test.afterAll(async ({ target, sim }) => {
    test.setTimeout(240_000);
    if (target === "sim") await sim.reset();
    await busy?.cleanUp();
  });

  for (const locale of ["en", "zh-CN"] as const) {
    test(`the fan-out view opens with the keyboard: the raw image's clones by state, the bench panel, axe clean (${locale})`, async ({
      app,
      seed,
    }) => {
      const lineage = new LineagePage(app.page);
      await app.signInViaApi("admin");
      await app.setPreferences({ locale });
      await lineage.goto();
      const toggle = app.page.getByTestId("fanout-toggle");
      await toggle.focus();
      await app.page.keyboard.press("Enter");
      await expect(toggle).toHaveAttribute("aria-expanded", "true");
      await expect(lineage.fanoutTable).toBeVisible();
      const row = lineage.fanoutTable.getByRole("row").filter({ hasText: seed.rawImage }).first();
      await expect(row).toBeVisible();
      // "<total>: <running> running, <stopped> stopped, <unknown> unknown" in the view's language.
      await expect(row.getByTestId("fanout-counts")).toHaveText(
        locale === "en" ? /^\d+: \d+ running, \d+ stopped, \d+ unknown$/ : /^\d+：\d+ 运行中，\d+ 已停止，\d+ 未知$/,
      );
      // Bytes carry their basis: ≈ (estimate), ≤ (upper bound) or unknown, never a bare number.
      await expect(row.locator("[data-basis]").first()).toBeVisible();
      await expect(lineage.fanoutBench).toHaveAttribute("data-bench", /^(measured|not_measured)$/);
      await expect(lineage.fanoutBench).toContainText(locale === "en" ? /measured/ : /实测/);
      await expect(app.page.getByTestId("fanout-limits")).toContainText("ZENITH_FANOUT_MAX_RUNNING_CLONES");
      expect(await lineage.a11yViolations()).toEqual([]);
      await lineage.screenshot(`lineage-fanout-${locale}`);
    });

    test(`a clone boot onto the busy raw image says so beside "RBD clone" (${locale})`, async ({ app, page, seed }) => {
      await app.setPreferences({ locale });
      await app.signInViaApi("admin");
      const launch = new LaunchPage(page);
      await launch.fresh();
      await launch.chooseImage(seed.rawImage);
      await launch.createVolume(true);
      await expect(launch.planPath).toHaveAttribute("data-path", "rbd-clone-volume");
      await expect(launch.planBusyParent).toContainText(
        locale === "en" ? /already has \d+ clones.*limit of 2 running clones/ : /已有 \d+ 个克隆.*2 个运行中克隆/,
      );
    });

    test(`a flatten dry run from the advice shows its steps and costs, and nothing runs until confirmed (${locale})`, async ({
      app,
      seed,
    }) => {
      test.setTimeout(90_000);
      const lineage = new LineagePage(app.page);
      await app.signInViaApi("admin");
      await app.setPreferences({ locale });
      await lineage.goto();
      await lineage.openFanout();
      const row = lineage.fanoutTable.getByRole("row").filter({ hasText: seed.rawImage }).first();
      // Facts are shared for a while and the dashboard can lag fresh RBD images: refresh until the clones count.
      await expect(async () => {
        await lineage.refresh.click();
        await expect(row).toContainText(locale === "en" ? "Above the limit" : "超过上限", { timeout: 5_000 });
      }).toPass({ timeout: 60_000 });
      const dry = lineage.flattenDryRun(row);
      const count = Number((await dry.textContent())?.match(/\d+/)?.[0]);
      expect(count).toBeGreaterThan(0);
      await dry.click();
      await expect(lineage.dialog).toBeVisible();
      await expect(lineage.flattenSteps).toHaveCount(count);
      await expect(lineage.dialog.locator('[data-note="running_flatten_io"]')).toContainText("I/O");
      await expect(lineage.dialog.locator('[data-note="parallel_limit"]')).toBeVisible();
      await expect(lineage.flattenConfirm).toBeEnabled();
      expect(await lineage.a11yViolations()).toEqual([]);
      await lineage.screenshot(`lineage-flatten-dry-run-${locale}`);
      // Escape closes the dialog without running anything: the clones still read from the parent.
      await app.page.keyboard.press("Escape");
      await expect(lineage.dialog).toBeHidden();
      await expect(row).toContainText(locale === "en" ? "Above the limit" : "超过上限");
    });
  }
});
