import { nanoid } from "nanoid";
import type { Cloud, Seed } from "./cloud";
import { expect, test, users, type App } from "./fixtures";
import { InstancePage } from "./pages/InstancePage";
import { InstancesPage } from "./pages/ResourceListPage";
import { LineagePage } from "./pages/LineagePage";

/** Boots a small server as demo straight through Nova (no network), waits for ACTIVE; returns its id and a delete. */
async function bootServer(cloud: Cloud, seed: Seed, name: string) {
  const s = await cloud.session(users.demo, "demo");
  const { images } = await cloud.call(s, "image", `/v2/images?name=${encodeURIComponent(seed.rawImage)}`);
  const { server } = await cloud.call(s, "compute", "/servers", {
    method: "POST",
    json: { server: { name, imageRef: images[0].id, flavorRef: seed.flavor.id, networks: "none" } },
    headers: { "OpenStack-API-Version": "compute 2.37" },
  });
  await expect
    .poll(async () => (await cloud.call(s, "compute", `/servers/${server.id}`)).server.status, { timeout: 90_000 })
    .toBe("ACTIVE");
  const images2: string[] = [];
  return {
    id: server.id as string,
    trackImage: (id: string) => images2.push(id),
    remove: async () => {
      for (const img of images2) await cloud.call(s, "image", `/v2/images/${img}`, { method: "DELETE" }).catch(() => undefined);
      await cloud.call(s, "compute", `/servers/${server.id}`, { method: "DELETE" }).catch(() => undefined);
    },
  };
}

/** Boots a server, opens its page as demo (in the locale, if given), runs the steps, and deletes what it made. */
async function withInstance(app: App, cloud: Cloud, seed: Seed, ...rest: [locale: "zh-CN", run: Steps] | [run: Steps]): Promise<void> {
  const run = rest[rest.length - 1] as Steps;
  const srv = await bootServer(cloud, seed, `e2e-ops-${nanoid(5)}`);
  try {
    const page = new InstancePage(app.page, srv.id);
    await app.signInViaApi("demo");
    if (rest.length === 2) await app.setPreferences({ locale: rest[0] });
    await page.goto();
    await run(page, srv);
  } finally {
    await srv.remove();
  }
}
type Steps = (page: InstancePage, srv: Awaited<ReturnType<typeof bootServer>>) => Promise<void>;

test.describe("Instance operations", () => {
  test("snapshot an instance: its Lineage tab lists it, and Admin → Lineage shows it as an instance snapshot", async ({
    app,
    cloud,
    seed,
    target,
  }) => {
    test.setTimeout(180_000);
    await withInstance(app, cloud, seed, async (page, srv) => {
      await page.action(/^Create snapshot$/).click();
      const name = `e2e-snap-${nanoid(5)}`;
      await page.dialog.getByLabel("Snapshot name").fill(name);
      await page.dialogConfirm.click();
      await expect(page.dialog).toBeHidden();
      await page.tab(/^Lineage$/).click();
      await expect(page.panel.getByRole("cell", { name })).toBeVisible({ timeout: 30_000 });
      const imageId = await app.page.request
        .get(`/api/instances/${srv.id}/snapshots`)
        .then(async (r) => ((await r.json()) as { items: { id: string; name: string }[] }).items.find((x) => x.name === name)?.id);
      if (imageId) srv.trackImage(imageId);
      await page.screenshot("instance-lineage-tab-en");
      test.skip(
        target === "real",
        "the real tier's FakeDriver writes no snapshot data: the image stays queued with no RBD image, so Lineage has no clone to show",
      );
      const lineage = new LineagePage(app.page);
      await app.signInViaApi("admin");
      await lineage.goto();
      // Nova flattens the snapshot (direct_snapshot), so it is a root of its own, of kind "instance snapshot".
      let tree = lineage.tree(name);
      await expect(async () => {
        await lineage.refresh.click();
        tree = await lineage.openTree(name);
        await expect(tree).toBeVisible({ timeout: 3_000 });
      }).toPass({ timeout: 60_000 });
      await expect(tree.getByRole("treeitem").first()).toContainText(/instance snapshot/i);
      await lineage.screenshot("lineage-instance-snapshot-en");
    });
  });

  test("resize and confirm: VERIFY_RESIZE, then ACTIVE on the new flavor", async ({ app, cloud, seed, target }) => {
    test.skip(
      target === "real",
      "the real tier has one compute host and allow_resize_to_same_host = false: Nova finds no host (NoValidHost) and the instance stays ACTIVE",
    );
    test.setTimeout(120_000);
    await withInstance(app, cloud, seed, async (page, srv) => {
      await page.action(/^Resize$/).click();
      await expect(page.dialog).toContainText("awaits your confirmation");
      await page.pick(/^m1\.medium/);
      expect(await page.a11yViolations()).toEqual([]);
      await page.dialogConfirm.click();
      await expect(page.dialog).toBeHidden();
      await expect(page.action(/^Confirm resize$/)).toBeEnabled({ timeout: 30_000 });
      await expect(page.status).toContainText("Awaiting resize confirmation");
      await expect(page.reason("stop")).toBeVisible();
      await page.action(/^Confirm resize$/).click();
      await expect(page.dialog).toContainText("m1.medium");
      await page.dialogConfirm.click();
      await expect(page.status).toContainText("Active", { timeout: 30_000 });
      await expect(page.main).toContainText("m1.medium");
      await page.tab(/^Action log$/).click();
      await expect(page.panel.getByRole("cell", { name: "Confirm resize", exact: true })).toBeVisible();
    });
  });

  test("attach an interface: the Ports tab names its network and links to it, not by id", async ({ app, cloud, seed }) => {
    test.setTimeout(150_000);
    await withInstance(app, cloud, seed, async (page) => {
      await page.tab(/^Ports$/).click();
      await page.panel.getByRole("button", { name: /^Attach interface$/ }).click();
      await page.pick(new RegExp(`^${seed.network}$`));
      await page.dialogConfirm.click();
      await expect(page.dialog).toBeHidden();
      const network = page.panel.getByRole("link", { name: seed.network, exact: true });
      await expect(network).toBeVisible({ timeout: 60_000 });
      await expect(network).toHaveAttribute("href", /^\/project\/networks\/[0-9a-f-]+$/);
      // The port is named by its fixed IP (Nova's port is unnamed), and its detach button says so.
      await expect(page.panel.getByRole("button", { name: /^Detach \d+\.\d+\.\d+\.\d+/ })).toBeVisible();
      expect(await page.a11yViolations()).toEqual([]);
    });
  });

  test("open the console in a new tab (sim: the embedded cloud's demo console page; real: Nova's refusal)", async ({
    app,
    cloud,
    seed,
    target,
  }) => {
    test.setTimeout(120_000);
    await withInstance(app, cloud, seed, async (page, srv) => {
      await page.action(/^Console$/).click();
      const popup = app.page.context().waitForEvent("page");
      await page.dialogConfirm.click();
      const tab = await popup;
      if (target === "real") {
        // FakeDriver with [vnc] enabled = false: Nova answers 400 "Unavailable console type novnc.", shown in the dialog.
        await expect(page.dialog).toContainText("Unavailable console type novnc");
        await expect.poll(() => tab.isClosed()).toBe(true);
      } else {
        await expect(tab.getByRole("heading", { name: "Demo console" })).toBeVisible();
        await expect(tab.locator("main")).toContainText(srv.id);
        await expect(page.dialog.getByRole("status")).toContainText("The console opened in a new tab.");
      }
    });
  });

  test("zh-CN: the tabs, the actions and the action log speak Chinese", async ({ app, cloud, seed }) => {
    test.setTimeout(120_000);
    await withInstance(app, cloud, seed, "zh-CN", async (page, srv) => {
      await expect(page.action(/^调整大小$/)).toBeEnabled();
      await expect(page.reason("confirm-resize")).toHaveText("确认调整大小：仅在调整大小后、等待确认时可用");
      await page.tab(/^操作日志$/).click();
      await expect(page.panel.getByRole("columnheader", { name: "操作" })).toBeVisible();
      await expect(page.panel.getByRole("cell", { name: "创建", exact: true })).toBeVisible();
      await page.tab(/^控制台日志$/).click();
      await expect(page.panel.getByRole("combobox", { name: "行数" })).toBeVisible();
      await page.screenshot("instance-tabs-zh-CN");
    });
  });

  test("delete from a list row names the attached volume kept, and says no local disk for a boot-from-volume instance (issue 13)", async ({
    app,
    cloud,
    seed,
  }) => {
    test.setTimeout(240_000);
    const s = await cloud.session(users.demo, "demo");
    const { images } = await cloud.call(s, "image", `/v2/images?name=${encodeURIComponent(seed.rawImage)}`);
    const name = `e2e-bfv-${nanoid(5)}`;
    const { server } = await cloud.call(s, "compute", "/servers", {
      method: "POST",
      headers: { "OpenStack-API-Version": "compute 2.37" },
      json: {
        server: {
          name,
          flavorRef: seed.flavor.id,
          networks: "none",
          block_device_mapping_v2: [
            {
              boot_index: 0,
              uuid: images[0].id,
              source_type: "image",
              destination_type: "volume",
              volume_size: seed.rawVolumeGiB,
              delete_on_termination: true,
            },
          ],
        },
      },
    });
    const { volume } = await cloud.call(s, "volumev3", "/volumes", { method: "POST", json: { volume: { name: `${name}-data`, size: 1 } } });
    try {
      await expect
        .poll(async () => (await cloud.call(s, "compute", `/servers/${server.id}`)).server.status, { timeout: 120_000 })
        .toBe("ACTIVE");
      await expect
        .poll(async () => (await cloud.call(s, "volumev3", `/volumes/${volume.id}`)).volume.status, { timeout: 60_000 })
        .toBe("available");
      await app.signInViaApi("demo");
      // Attach the data volume through the instance page's Volumes tab.
      const detail = new InstancePage(app.page, server.id);
      await detail.goto("?tab=volumes");
      // The tab's panel is its own chunk: a click before it has hydrated is lost, so click until the dialog opens.
      await expect(async () => {
        await detail.panel.getByRole("button", { name: /^Attach volume$/ }).click();
        await expect(detail.dialog).toBeVisible({ timeout: 1_000 });
      }).toPass({ timeout: 20_000 });
      await detail.pick(new RegExp(`^${name}-data`));
      await detail.dialogConfirm.click();
      await expect(detail.panel.getByRole("cell", { name: `${name}-data`, exact: true })).toBeVisible({ timeout: 30_000 });
      const list = new InstancesPage(app.page);
      await list.goto(`?search=${name}`);
      await list.rowAction(name, /^Delete$/).click();
      const fromRow = app.page.getByTestId("delete-consequences");
      await expect(fromRow).toContainText("1 attached volume(s) are kept");
      await expect(fromRow).toContainText("is deleted with it");
      await expect(fromRow).not.toContainText("its local disk");
      const rowText = await fromRow.innerText();
      await app.page.keyboard.press("Escape");
      await detail.goto();
      await detail.action(/^Delete$/).click();
      const fromDetail = app.page.getByTestId("delete-consequences");
      await expect(fromDetail).toContainText("1 attached volume(s) are kept");
      expect(await fromDetail.innerText()).toBe(rowText);
    } finally {
      await cloud.call(s, "compute", `/servers/${server.id}`, { method: "DELETE" }).catch(() => undefined);
      await expect
        .poll(async () => (await cloud.call(s, "volumev3", `/volumes/${volume.id}`)).volume.status, { timeout: 90_000 })
        .toBe("available")
        .catch(() => undefined);
      await cloud.call(s, "volumev3", `/volumes/${volume.id}`, { method: "DELETE" }).catch(() => undefined);
    }
  });
});
