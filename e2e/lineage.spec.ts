import { expect, test } from "./fixtures";
import { LineagePage } from "./pages/LineagePage";

test.describe("Admin → Lineage", () => {
  test.afterAll(async ({ sim }) => { await sim.reset(); });

  test("the centos tree expands with the keyboard; a dry run then confirm cleans one orphan", async ({ app }) => {
    const lineage = new LineagePage(app.page);
    await app.signInViaApi("admin");
    await lineage.goto();
    const tree = lineage.tree("centos-7-raw");
    await expect(tree).toBeVisible();
    const root = tree.getByRole("treeitem").first();
    await expect(root).toHaveAttribute("aria-expanded", "true");
    await expect(root).toContainText(/Can't delete: \d+ clone/);
    await expect(lineage.item(tree, "web-1").first()).toBeVisible();

    // Keyboard: collapse the root with ←, expand with →, walk down with ↓ to a leftover disk and open its chain.
    await root.focus();
    await app.page.keyboard.press("ArrowLeft");
    await expect(root).toHaveAttribute("aria-expanded", "false");
    await expect(tree.getByRole("treeitem")).toHaveCount(1);
    await app.page.keyboard.press("ArrowRight");
    await expect(root).toHaveAttribute("aria-expanded", "true");
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
    await lineage.screenshot("lineage-plan-en");
    await lineage.confirm.click();
    await expect(lineage.dialog.getByRole("status")).toHaveText("Every step succeeded.");
    await expect(lineage.steps.filter({ hasText: "done" })).toHaveCount(4);
    await lineage.dialog.getByRole("button", { name: "Close" }).click();
    await expect(lineage.orphans.getByText(spec)).toHaveCount(0);
  });

  test("renders in zh-CN", async ({ app }) => {
    const lineage = new LineagePage(app.page);
    await app.setPreferences({ locale: "zh-CN" });
    await app.signInViaApi("admin");
    await lineage.goto();
    await expect(lineage.tree("centos-7-raw")).toBeVisible();
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
