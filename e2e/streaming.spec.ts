import { expect, test } from "./fixtures";
import { InstancesPage } from "./pages/ResourceListPage";

/**
 * Streaming (issue 13): the server sends the page's frame at once and the data streams in behind <Suspense>, so a slow
 * service never blanks the page. Nova is slowed down; the header, the navigation and a skeleton must be on screen
 * while the list is not there yet, and the list replaces the skeleton once Nova answers.
 */
test.describe("streaming", () => {
  test.beforeEach(({ target }) => test.skip(target !== "sim", "slowing Nova down takes the embedded cloud's /_sim fault controls"));

  test("with a slow Nova, the frame and a skeleton show before the instances, which then replace it", async ({ app, page, sim }) => {
    test.setTimeout(60_000);
    await app.signInViaApi("demo");
    const list = new InstancesPage(page);
    const skeleton = page.getByTestId("page-skeleton");
    try {
      await sim.fault("compute", "slow", undefined, 4_000);
      await page.goto(list.path, { waitUntil: "commit" });
      // The frame: the header's project switcher, the navigation, and the skeleton in place of the page…
      await expect(skeleton).toBeVisible();
      await expect(list.nav).toBeVisible();
      await expect(list.projectSwitcher).toBeVisible();
      // …while the data is still on its way: no heading and no table yet.
      await expect(list.table).toHaveCount(0);
      await expect(list.heading).toHaveCount(0);
      await sim.clearFaults();
      // Then the page streams in behind it.
      await expect(list.bodyRows.first()).toBeVisible({ timeout: 40_000 });
      await expect(skeleton).toHaveCount(0);
      await expect(list.heading).toHaveText(/^(Instances|云主机)$/);
    } finally {
      await sim.clearFaults();
    }
  });
});
