import type { Locator, Page } from "@playwright/test";
import { nanoid } from "nanoid";
import { Scratch } from "./cloud";
import { expect, test, users } from "./fixtures";
import { InstancePage } from "./pages/InstancePage";
import { InstancesPage } from "./pages/ResourceListPage";

/**
 * Long text and narrow screens (issue 13): a 255-character name with no spaces keeps Status, Flavor and the actions on
 * screen at 1440 px, in full on hover and on the detail page; on a phone the row's actions stay in reach through a
 * menu, and the project switcher never overlaps the region badge. Checked by bounding boxes against the viewport.
 */
async function box(l: Locator) {
  const b = await l.boundingBox();
  expect(b, "the element is laid out").not.toBeNull();
  return b!;
}
async function expectInViewport(page: Page, l: Locator, what: string) {
  const b = await box(l);
  const vp = page.viewportSize()!;
  expect(b.x, `${what}: left edge on screen`).toBeGreaterThanOrEqual(0);
  expect(b.x + b.width, `${what}: right edge on screen (${vp.width} px)`).toBeLessThanOrEqual(vp.width);
}

test.describe("long names and narrow screens", () => {
  let scratch: Scratch;
  const name = `e2eh-${nanoid(6)}-`.padEnd(255, "x");
  let serverId = "";

  test.beforeAll(async ({ browser, cloud, seed }, info) => {
    test.setTimeout(180_000);
    scratch = await Scratch.as(cloud, users.demo, "demo");
    const ctx = await browser.newContext({ baseURL: info.project.use.baseURL });
    try {
      const rq = ctx.request;
      expect((await rq.post("/api/auth/login", { headers: { "X-Zenith-Request": "1" }, data: users.demo })).status()).toBe(200);
      const get = async (path: string) => (await rq.get(path)).json();
      const image = (await get(`/api/images?search=${seed.rawImage}`)).items.find((i: { name: string }) => i.name === seed.rawImage);
      const network = (await get(`/api/networks?search=${seed.network}`)).items.find((n: { name: string }) => n.name === seed.network);
      const boot = await rq.post("/api/boot", {
        headers: { "X-Zenith-Request": "1" },
        data: { name, source: { type: "image", id: image.id }, flavorId: seed.flavor.id, networkIds: [network.id], createVolume: false },
      });
      expect(boot.status(), await boot.text()).toBe(202);
      serverId = (await boot.json()).serverId;
      scratch.track(serverId);
      await expect.poll(async () => (await get(`/api/instances/${serverId}`)).status, { timeout: 120_000 }).toBe("ACTIVE");
    } finally {
      await ctx.close();
    }
  });
  test.afterAll(async () => {
    await scratch?.cleanUp();
  });

  test("at 1440 px a 255-character name is cut, in full on hover and on the detail page; Status, Flavor and actions stay on screen", async ({
    app,
    page,
  }) => {
    await app.signInViaApi("demo");
    const list = new InstancesPage(page);
    await list.goto(`?search=${name.slice(0, 16)}`);
    const row = list.row(name);
    await expect(row).toBeVisible();
    const link = list.link(name);
    await expect(link).toHaveAttribute("title", name);
    const cells = row.getByRole("cell");
    await expectInViewport(page, cells.nth(1), "Status");
    await expectInViewport(page, cells.nth(3), "Flavor");
    await expectInViewport(page, list.rowAction(name, /^(Delete|删除)$/), "Delete");
    expect((await box(link)).width, "the name is cut, not 255 characters wide").toBeLessThan(400);
    const scroll = await list.table.evaluate((t) => ({ sw: t.parentElement!.scrollWidth, cw: t.parentElement!.clientWidth }));
    expect(scroll.sw, "the table does not scroll sideways at 1440 px").toBeLessThanOrEqual(scroll.cw);

    // The row's delete dialog says what the detail page's does.
    await list.rowAction(name, /^(Delete|删除)$/).click();
    const fromRow = page.getByTestId("delete-consequences");
    await expect(fromRow).not.toContainText(/Checking|正在检查/);
    const rowText = await fromRow.innerText();
    await page.keyboard.press("Escape");

    const detail = new InstancePage(page, serverId);
    await detail.goto();
    await expect(detail.heading).toContainText(name);
    await expectInViewport(page, detail.heading, "the detail page's heading");
    await detail.action(/^(Delete|删除)$/).click();
    await expect(page.getByTestId("delete-consequences")).toHaveText(rowText);
  });

  test("on a phone the row's actions are in a menu on screen, and the project switcher does not overlap the region badge", async ({
    app,
    page,
  }) => {
    await app.signInViaApi("demo");
    await page.setViewportSize({ width: 390, height: 844 });
    const list = new InstancesPage(page);
    await list.goto(`?search=${name.slice(0, 16)}`);
    const more = list.rowMenu(name);
    await expectInViewport(page, more, "the row's actions button");
    await expect(list.rowAction(name, /^(Delete|删除)$/)).toBeHidden();
    await more.click();
    const del = list.rowMenuItem(/^(Delete|删除)/);
    await expectInViewport(page, del, "the menu's Delete");
    await del.click();
    await expect(list.dialog).toBeVisible();
    await page.keyboard.press("Escape");

    for (const width of [390, 700, 1024]) {
      await page.setViewportSize({ width, height: 800 });
      await expectInViewport(page, list.projectSwitcher, `the project switcher at ${width} px`);
      if (await list.region.isVisible()) {
        const s = await box(list.projectSwitcher);
        const r = await box(list.region.locator("xpath=.."));
        expect(s.x + s.width, `the switcher ends before the region badge at ${width} px`).toBeLessThanOrEqual(r.x);
        await expectInViewport(page, list.region, `the region badge at ${width} px`);
      }
    }
  });
});
