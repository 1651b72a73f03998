import { expect, test } from "./fixtures";
import { RolloutsPage } from "./pages/RolloutsPage";

/** The rollouts lab is local (scripts/rollout-lab.sh: HAProxy + 3 nginx on 127.0.0.1:18640-18644, started by e2e-server.sh sim). */
const LOCAL_LAB = "the rollouts lab is local, not part of either cloud: it runs with the sim project's server";

test.describe("Admin → Rollouts", () => {
  for (const locale of ["en", "zh-CN"] as const) {
    test(`a drained rollout runs batch by batch, live, with zero failed requests (${locale})`, async ({ app, target }) => {
      test.skip(target === "real", LOCAL_LAB);
      test.setTimeout(360_000);
      await app.setPreferences({ locale });
      await app.signInViaApi("admin");
      const rollouts = new RolloutsPage(app.page);
      await rollouts.goto();
      await expect(rollouts.healthStrip.first().locator("li[data-host]")).toHaveCount(3);
      await rollouts.version.fill(`v-e2e-${locale}`);
      await rollouts.dryRun.click();
      await expect(rollouts.plan.locator("li[data-batch]")).toHaveCount(3);
      await expect(rollouts.plan.locator('li[data-batch][data-allowed="true"]')).toHaveCount(3);
      await rollouts.screenshot(`rollouts-plan-${locale}`);
      await rollouts.confirm.click();
      await expect(rollouts.run).toHaveAttribute("data-status", "running", { timeout: 30_000 });
      // Cells fill live while the run goes on.
      await expect(rollouts.page.locator('[data-testid="task-grid"] td[data-cell="changed"]').first()).toBeVisible({ timeout: 120_000 });
      await rollouts.screenshot(`rollouts-running-${locale}`);
      await expect(rollouts.run).toHaveAttribute("data-status", "succeeded", { timeout: 300_000 });
      await expect(rollouts.verdict).toHaveAttribute("data-verdict", "zero_downtime");
      await expect(rollouts.probeFailed).toHaveText("0");
      // the verdict's sentence wraps inside its cell at 1440 px instead of running out of the card
      const overflow = await rollouts.verdictOverflow();
      expect(overflow.cell).toBeLessThanOrEqual(0.5);
      expect(overflow.card).toBeLessThanOrEqual(0.5);
      await rollouts.screenshot(`rollouts-done-${locale}`);
    });
  }

  test("the real tier's pools: the lab and Keystone's own pool, each backend UP in HAProxy", async ({ app, target }) => {
    test.skip(target === "sim", "the keystone pool is the real tier's (scripts/real-cloud: two Keystone uwsgi instances behind HAProxy)");
    await app.signInViaApi("admin");
    const rollouts = new RolloutsPage(app.page);
    await rollouts.goto();
    await expect(rollouts.healthStrip).toHaveCount(2);
    const keystone = rollouts.healthStrip.filter({ has: app.page.locator('li[data-host="keystone-1"]') });
    await expect(keystone.locator("li[data-host]")).toHaveCount(2);
    await expect(keystone.locator('li[data-status="UP"]')).toHaveCount(2);
    await rollouts.screenshot("rollouts-real-pools");
  });

  test("a member sees the admin-only state", async ({ app }) => {
    await app.signInViaApi("demo");
    await new RolloutsPage(app.page).goto();
    await expect(app.page.getByTestId("rollout-form")).toHaveCount(0);
  });
});
