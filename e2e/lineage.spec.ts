import { nanoid } from "nanoid";
import { Scratch } from "./cloud";
import { expect, test, users } from "./fixtures";
import { LineagePage } from "./pages/LineagePage";

const NO_LEFTOVERS = "the real tier holds no leftover of a deleted instance's chain: making one needs rbd on the host, not an API";

test.describe("Admin → Lineage", () => {
  test.afterAll(async ({ target, sim }) => {
    if (target === "sim") await sim.reset();
  });

  test("the raw image's tree shows a volume cloned from it, and expands and collapses with the keyboard", async ({ app, cloud, seed }) => {
    test.setTimeout(120_000);
    const scratch = await Scratch.as(cloud, users.demo, "demo");
    const volume = `e2e-clone-${nanoid(5)}`;
    try {
      await scratch.volumeFromImage(volume, seed.rawImage, seed.rawVolumeGiB);
      const lineage = new LineagePage(app.page);
      await app.signInViaApi("admin");
      await lineage.goto();
      const tree = await lineage.openTree(seed.rawImage);
      await expect(tree).toBeVisible();
      // Facts are shared for a while, and the dashboard can lag a fresh RBD image: refresh until the clone is in it.
      await expect(async () => {
        await lineage.refresh.click();
        await expect(lineage.item(tree, volume)).toBeVisible({ timeout: 3_000 });
      }).toPass({ timeout: 60_000 });
      const root = tree.getByRole("treeitem").first();
      await expect(root).toHaveAttribute("aria-expanded", "true");
      await expect(root).toContainText(/Can't delete: \d+ clone/);
      await root.focus();
      await app.page.keyboard.press("ArrowLeft");
      await expect(root).toHaveAttribute("aria-expanded", "false");
      await expect(tree.getByRole("treeitem")).toHaveCount(1);
      await app.page.keyboard.press("ArrowRight");
      await expect(root).toHaveAttribute("aria-expanded", "true");
      await expect(lineage.item(tree, volume)).toBeVisible();
      await lineage.screenshot("lineage-clone-en");
      // Search finds the clone by its RBD spec and shows it in its tree.
      const spec = (await lineage.item(tree, volume).getAttribute("data-spec"))!;
      await lineage.search.fill(spec);
      await expect(lineage.searchResults.getByText(spec, { exact: true })).toBeVisible();
      await lineage.searchResults.getByRole("button", { name: "Show in its tree" }).first().click();
      await expect(lineage.found.locator(`[data-spec="${spec}"]`)).toBeVisible();
    } finally {
      await scratch.cleanUp();
    }
  });

  test("a leftover's chain opens with the keyboard; a dry run then confirm cleans one orphan", async ({ app, target }) => {
    test.skip(target === "real", NO_LEFTOVERS);
    const lineage = new LineagePage(app.page);
    await app.signInViaApi("admin");
    await lineage.goto();
    await lineage.refresh.click(); // facts other specs' changes may have outdated
    const tree = await lineage.openTree("centos-7-raw");
    await expect(tree).toBeVisible();
    const root = tree.getByRole("treeitem").first();
    await expect(root).toHaveAttribute("aria-expanded", "true");
    await expect(lineage.item(tree, "web-1").first()).toBeVisible();

    // Keyboard: walk down with ↓ to a leftover disk and open its chain with →.
    await root.focus();
    const chained = tree.getByRole("treeitem").filter({ hasText: "orphan" }).filter({ hasText: "Can't delete" }).first();
    await expect(chained).toHaveAttribute("aria-expanded", "false");
    const spec = (await chained.getAttribute("data-spec"))!;
    for (let i = 0; i < 30 && (await app.page.evaluate(() => document.activeElement?.getAttribute("data-spec"))) !== spec; i++)
      await app.page.keyboard.press("ArrowDown");
    await expect(chained).toBeFocused();
    await app.page.keyboard.press("ArrowRight");
    await expect(chained).toHaveAttribute("aria-expanded", "true");
    await expect(lineage.item(tree, "old-web-3-snapshot")).toBeVisible();
    await lineage.screenshot("lineage-en");

    // Orphans: pick the chained leftover, dry run, confirm, see each step's result.
    await lineage.orphanCheckbox(spec).check();
    await lineage.planButton.click();
    await expect(lineage.steps).toHaveCount(4);
    await expect(lineage.steps.first()).toContainText("flatten");
    // Each step's reason is a code the page renders with its params: here the clone and the snapshot it reads from.
    await expect(lineage.steps.first()).toContainText(/still reads from \S+@\S+/);
    await lineage.screenshot("lineage-plan-en");
    await lineage.confirm.click();
    await expect(lineage.dialog.getByRole("status")).toHaveText("Every step succeeded.");
    await expect(lineage.steps.filter({ hasText: "done" })).toHaveCount(4);
    await lineage.dialog.getByRole("button", { name: "Close" }).click();
    await expect(lineage.orphans.getByText(spec)).toHaveCount(0);
  });

  test("a down Nova cell makes the walk incomplete: the page says so and calls no vms image an orphan", async ({ app, target, sim }) => {
    test.skip(target === "real", "taking a Nova cell down needs /_sim: the real tier has one cell");
    await sim.novaCell("cell2", true);
    try {
      const lineage = new LineagePage(app.page);
      await app.signInViaApi("admin");
      await lineage.goto();
      await lineage.refresh.click(); // the cell went down after the shared facts were gathered
      const banner = app.page.getByTestId("lineage-walk-incomplete");
      await expect(banner).toBeVisible();
      await expect(banner.locator('li[data-walk="nova:cell_down"]')).toContainText("orphans in vms are not shown");
      await expect(lineage.orphans.getByText(/^vms\//)).toHaveCount(0);
      // Nothing is claimed absent: the empty state says the walk was incomplete, not "no orphans".
      await expect(app.page.getByText("No orphans proven")).toBeVisible();
      await lineage.screenshot("lineage-cell-down-en");
    } finally {
      await sim.novaCell("cell2", false);
    }
  });

  test("a tree of 1,200 clones opens, scrolls to its last row with only the rows in view rendered, and search finds a clone", async ({
    app,
    target,
    sim,
    seed,
  }) => {
    test.skip(target === "real", "1,200 RBD clones need /_sim: the real tier's Ceph is shared and small");
    test.setTimeout(120_000);
    const prefix = `e2e-big-${nanoid(5).replace(/[^\w]/g, "x")}`;
    await sim.rbdClones(seed.rawImage, "volumes", prefix, 1200);
    const lineage = new LineagePage(app.page);
    await app.signInViaApi("admin");
    await lineage.goto();
    await lineage.refresh.click();
    await expect(lineage.refresh).toBeEnabled({ timeout: 60_000 });
    const tree = await lineage.openTree(seed.rawImage);
    const last = `volumes/${prefix}-1199`;
    await expect(tree.getByRole("treeitem").first()).toHaveAttribute("aria-setsize", /^\d{4}$/);
    const total = Number(await tree.getByRole("treeitem").first().getAttribute("aria-setsize"));
    expect(total).toBeGreaterThan(1200);
    // Virtualized: the DOM holds the rows in view, not 1,200.
    expect(await tree.getByRole("treeitem").count()).toBeLessThan(80);
    // Scroll through the rows to the end, in steps, as a wheel would.
    const scroller = lineage.scroller(tree);
    for (let i = 0; i < 6; i++)
      await scroller.evaluate((el, k) => {
        el.scrollTop = (el.scrollHeight * (k + 1)) / 6;
      }, i);
    // The bottom of the tree: its last row (the seed's own clones sort after the e2e ones), and the last clone made.
    const bottom = tree.locator(`[aria-posinset="${total}"]`);
    await expect(bottom).toBeVisible();
    await expect(tree.locator(`[data-spec="${last}"]`)).toBeVisible();
    expect(Number(await tree.locator(`[data-spec="${last}"]`).getAttribute("aria-posinset"))).toBeGreaterThan(1200);
    // The keyboard reaches the same rows: Home, then End.
    await bottom.click();
    await app.page.keyboard.press("Home");
    await expect(tree.getByRole("treeitem").first()).toBeFocused();
    await app.page.keyboard.press("End");
    await expect(tree.locator(`[aria-posinset="${total}"]`)).toBeFocused();
    await lineage.screenshot("lineage-big-tree-en");
    // Search by RBD spec finds a clone in the middle and shows it in its tree.
    const middle = `volumes/${prefix}-0600`;
    await lineage.search.fill(middle);
    await expect(lineage.searchResults.getByText(middle, { exact: true })).toBeVisible();
    await lineage.searchResults.getByRole("button", { name: "Show in its tree" }).first().click();
    await expect(lineage.found.locator(`[data-spec="${middle}"]`)).toBeVisible();
  });

  test("renders in zh-CN", async ({ app, seed }) => {
    const lineage = new LineagePage(app.page);
    await app.setPreferences({ locale: "zh-CN" });
    await app.signInViaApi("admin");
    await lineage.goto();
    await expect(await lineage.openTree(seed.rawImage)).toBeVisible();
    await expect(app.page.getByText(/残留数据（\d+）/)).toBeVisible();
    await lineage.screenshot("lineage-zh-CN");
  });

  test("a member sees the admin-only state", async ({ app }) => {
    const lineage = new LineagePage(app.page);
    await app.signInViaApi("demo");
    await lineage.goto();
    await expect(app.page.getByText("Admins only")).toBeVisible();
  });
});
