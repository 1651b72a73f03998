import { nanoid } from "nanoid";
import { Scratch } from "./cloud";
import { expect as baseExpect, signedInPage, test, users } from "./fixtures";
import { ImagePage } from "./pages/ImagePage";
import { InstancePage } from "./pages/InstancePage";
import { KeypairsPage } from "./pages/KeypairsPage";
import { LaunchPage } from "./pages/LaunchPage";
import { LineagePage } from "./pages/LineagePage";
import { FloatingIpsPage } from "./pages/NetworkingPages";
import { ImagesPage, InstancesPage, VolumesPage } from "./pages/ResourceListPage";
import { VolumePage } from "./pages/VolumePage";
import { RoutedNetwork } from "./routed-network";

const NO_SNAPSHOT_DATA =
  "the real tier's FakeDriver writes no snapshot data: the image stays queued with no RBD image, so Lineage has no clone to show";
const NO_RESIZE_HOST =
  "the real tier has one compute host and allow_resize_to_same_host = false: Nova finds no host (NoValidHost) and the instance stays ACTIVE";

/** How long a state change may take on a slow, shared machine (the real tier's Nova and Cinder, a loaded sim). */
const SETTLE = 180_000;
/** Every other assertion waits longer than the suite's 10 s too: each step's answer comes from a cloud, not a fixture. */
const expect = baseExpect.configure({ timeout: 30_000 });

/**
 * A tenant's day, start to end, through the UI as demo on either target (issue 13): a key pair, a volume from an image,
 * an instance from the boot wizard with that key pair, the volume attached, a floating IP on its port, a snapshot seen
 * in Images and (as an admin) in Lineage, a resize confirmed, then everything deleted again in order through the
 * confirmation dialogs. The floating IP's external network and the router to the instance's network are setup, made
 * through Neutron (neither target seeds an external network); the API is otherwise used only to look ids up and to
 * clean up should a step fail.
 */
test.describe("tenant self-service, start to end", () => {
  const tag = `e2e-flow-${nanoid(5).replace(/[^A-Za-z0-9]/g, "x")}`;
  const names = { key: `${tag}-key`, volume: `${tag}-vol`, instance: `${tag}-vm`, snapshot: `${tag}-snap` };
  let scratch: Scratch;
  let net: RoutedNetwork;

  test.beforeAll(async ({ cloud }) => {
    test.setTimeout(120_000);
    scratch = await Scratch.as(cloud, users.demo, "demo");
    scratch.trackKeypair(names.key);
    net = await RoutedNetwork.make(cloud, users.admin, { user: users.demo, project: "demo" }, tag, {
      external: "198.51.100.0/24",
      network: "10.67.0.0/24",
    });
  });
  test.afterAll(async () => {
    test.setTimeout(300_000);
    await scratch?.cleanUp();
    await net?.remove();
  });

  test("key pair, volume, launch, attach, floating IP, snapshot, resize, then delete it all", async ({
    app,
    browser,
    seed,
    target,
  }, info) => {
    test.setTimeout(1_200_000);
    const page = app.page;
    // Whatever the wizard launches is cleaned up even if a later step fails.
    page.on("response", async (r) => {
      if (r.request().method() === "POST" && new URL(r.url()).pathname === "/api/boot" && r.status() === 202)
        scratch.track((await r.json()).serverId);
    });
    await app.signInViaApi("demo");
    const keypairs = new KeypairsPage(page);
    const volumes = new VolumesPage(page);
    const fips = new FloatingIpsPage(page);
    let volume!: VolumePage;
    let instance!: InstancePage;
    let address = "";
    let imageId = "";
    const gone = (path: string) =>
      expect.poll(async () => (await page.request.get(path)).status(), { timeout: SETTLE, message: `${path} still answers` }).toBe(404);

    await test.step("1. create a key pair: the private key is shown once, for download", async () => {
      await keypairs.goto();
      await keypairs.create(names.key);
      await expect(keypairs.privateKey).toContainText("PRIVATE KEY", { timeout: 60_000 });
      const shown = (await keypairs.privateKey.textContent())?.trim();
      const saved = await keypairs.downloadPrivateKey();
      expect(saved.file).toBe(`${names.key}.pem`);
      expect(saved.text.trim()).toBe(shown);
      await expect(keypairs.row(names.key)).toBeVisible();
      await keypairs.done.click();
      await expect(keypairs.privateKey).toHaveCount(0);
      // Once: a new visit lists the key pair, with no private key and nothing to download.
      await keypairs.goto();
      await expect(keypairs.row(names.key)).toBeVisible();
      await expect(keypairs.privateKey).toHaveCount(0);
      await expect(keypairs.download).toHaveCount(0);
    });

    await test.step("2. create a volume from the raw image and see it become available", async () => {
      await volumes.goto();
      const dialog = await volumes.openCreate();
      await dialog.name.fill(names.volume);
      await dialog.source.selectOption({ label: seed.rawImage });
      await expect(dialog.plan).toHaveAttribute("data-path", "rbd-clone-volume", { timeout: 60_000 });
      await dialog.submit.click();
      await page.waitForURL(/\/project\/volumes\/[0-9a-f-]{36}$/, { timeout: 60_000 });
      volume = VolumePage.fromUrl(page);
      scratch.trackVolume(volume.id);
      await volume.hydrated();
      await expect(volume.status).toHaveAttribute("data-status", "available", { timeout: SETTLE });
      await expect(volume.source).toHaveAttribute("data-source", "image");
    });

    await test.step("3. launch an instance through the boot wizard, with the key pair", async () => {
      const launch = new LaunchPage(page);
      await launch.fresh();
      await launch.nameInput.fill(names.instance);
      await launch.chooseImage(seed.rawImage);
      await launch.createVolume(false);
      await expect(launch.planPath).toHaveAttribute("data-path", "rbd-clone-local");
      await launch.toReview(seed.flavor.name, net.names.network, names.key);
      await expect(launch.main).toContainText(names.key);
      await expect(launch.submit).toBeEnabled();
      await launch.submit.click();
      await expect(launch.progress).toHaveAttribute("data-outcome", "active", { timeout: SETTLE });
      const href = (await launch.openInstance.getAttribute("href")) ?? "";
      expect(href).toMatch(/\/project\/instances\/[0-9a-f-]{36}$/);
      instance = new InstancePage(page, href.split("/").pop()!);
      await launch.openInstance.click();
      await expect(page).toHaveURL(new RegExp(`${instance.path}$`));
      await instance.hydrated();
      await expect(instance.heading).toContainText(names.instance);
      await expect(instance.status).toHaveText("Active", { timeout: SETTLE });
      await expect(instance.fact(/^Key pair$/)).toHaveText(names.key);
      await expect(instance.fact(/^Flavor$/)).toContainText(seed.flavor.name);
    });

    await test.step("4. attach the volume on the instance's Volumes tab", async () => {
      await instance.attachVolume(names.volume);
      await expect(instance.dialog).toBeHidden({ timeout: 60_000 });
      await expect(instance.volumeRow(names.volume)).toBeVisible({ timeout: SETTLE });
      await volume.goto();
      await expect(volume.status).toHaveAttribute("data-status", "in-use", { timeout: SETTLE });
    });

    await test.step("5. allocate a floating IP and associate it with the instance's port", async () => {
      await fips.goto();
      await fips.allocate(net.names.external);
      const allocated = fips.rows.filter({ hasText: net.names.external });
      await expect(allocated).toHaveCount(1, { timeout: 60_000 });
      address = await fips.address(allocated);
      expect(address).toMatch(/^198\.51\.100\.\d+$/);
      const row = fips.row(address);
      await fips.associate(row, new RegExp(`^${names.instance} · 10\\.67\\.0\\.`));
      await expect(fips.mapping(row)).toHaveText(new RegExp(`^${names.instance} 10\\.67\\.0\\.\\d+$`), { timeout: 60_000 });
      await expect(row.getByRole("button", { name: "Disassociate" })).toBeVisible();
    });

    await test.step("6. snapshot the instance: on its Lineage tab, in Images, and (as an admin) in Lineage", async () => {
      await instance.goto();
      await instance.snapshot(names.snapshot);
      await expect(instance.dialog).toBeHidden({ timeout: 60_000 });
      await instance.tab(/^Lineage$/).click();
      await expect(instance.panel.getByRole("cell", { name: names.snapshot })).toBeVisible({ timeout: SETTLE });
      // The image's id, to open its page and to clean up should a later step fail.
      const { items } = await (await page.request.get(`/api/instances/${instance.id}/snapshots`)).json();
      imageId = (items as { id: string; name: string }[]).find((x) => x.name === names.snapshot)?.id ?? "";
      expect(imageId).not.toBe("");
      scratch.trackImage(imageId);

      const images = new ImagesPage(page);
      await images.goto();
      await images.search.fill(names.snapshot);
      await expect(images.row(names.snapshot)).toBeVisible({ timeout: 60_000 });

      await test.step("as an admin, in Lineage: a root of its own, of kind instance snapshot", async (step) => {
        if (target === "real") info.annotations.push({ type: "skipped step", description: `6 (Lineage): ${NO_SNAPSHOT_DATA}` });
        step.skip(target === "real", NO_SNAPSHOT_DATA);
        const admin = await signedInPage(browser, info, "admin");
        try {
          const lineage = new LineagePage(admin.page);
          await lineage.goto();
          // Nova flattens the snapshot (direct_snapshot); the shared facts may lag it: refresh until its tree opens.
          let tree = lineage.tree(names.snapshot);
          await expect(async () => {
            await lineage.refresh.click();
            tree = await lineage.openTree(names.snapshot);
            await expect(tree).toBeVisible({ timeout: 5_000 });
          }).toPass({ timeout: SETTLE });
          await expect(tree.getByRole("treeitem").first()).toContainText(/instance snapshot/i);
        } finally {
          await admin.close();
        }
      });
    });

    await test.step("7. resize, then confirm", async (step) => {
      if (target === "real") info.annotations.push({ type: "skipped step", description: `7 (resize): ${NO_RESIZE_HOST}` });
      step.skip(target === "real", NO_RESIZE_HOST);
      await instance.goto();
      // The snapshot's task must be over before Nova takes another.
      await expect(async () => {
        await instance.goto();
        await expect(instance.action(/^Resize$/)).toBeEnabled({ timeout: 5_000 });
      }).toPass({ timeout: SETTLE });
      await instance.resize(/^m1\.medium/);
      await expect(instance.dialog).toBeHidden({ timeout: 60_000 });
      await expect(instance.action(/^Confirm resize$/)).toBeEnabled({ timeout: SETTLE });
      await expect(instance.status).toContainText("Awaiting resize confirmation");
      await instance.confirmResize();
      await expect(instance.status).toHaveText("Active", { timeout: SETTLE });
      await expect(instance.fact(/^Flavor$/)).toContainText("m1.medium");
    });

    await test.step("8. delete it all, in order, through the confirmation dialogs", async () => {
      await test.step("disassociate and release the floating IP", async () => {
        await fips.goto();
        const row = fips.row(address);
        await fips.disassociate(row);
        await expect(fips.mapping(row).getByRole("combobox", { name: "Instance port" })).toBeVisible({ timeout: 60_000 });
        await expect(row.getByRole("button", { name: "Disassociate" })).toHaveCount(0);
        await fips.release(row);
        await expect(fips.dialog).toBeHidden({ timeout: 60_000 });
        await expect(row).toHaveCount(0, { timeout: 60_000 });
      });

      await test.step("detach the volume", async () => {
        await instance.goto();
        await instance.detachVolume(names.volume);
        await expect(instance.dialog).toBeHidden({ timeout: 60_000 });
        await expect(instance.volumeRow(names.volume)).toHaveCount(0, { timeout: SETTLE });
        await volume.goto();
        await expect(volume.status).toHaveAttribute("data-status", "available", { timeout: SETTLE });
      });

      await test.step("delete the instance", async () => {
        await instance.goto();
        await instance.delete(names.instance);
        await expect(page).toHaveURL(/\/project\/instances$/, { timeout: 60_000 });
        await gone(`/api/instances/${instance.id}`);
        const list = new InstancesPage(page);
        await list.goto();
        await expect(list.link(names.instance)).toHaveCount(0);
      });

      await test.step("delete the volume", async () => {
        await volume.goto();
        await expect(volume.action("delete")).toBeEnabled({ timeout: 60_000 });
        await volume.action("delete").click();
        await expect(volume.dialog).toContainText(names.volume);
        await volume.confirm.click();
        await page.waitForURL(/\/project\/volumes$/, { timeout: 60_000 });
        await gone(`/api/volumes/${volume.id}`);
        await volumes.goto();
        await expect(volumes.row(names.volume)).toHaveCount(0);
      });

      await test.step("delete the snapshot image", async () => {
        const image = new ImagePage(page);
        await image.open(imageId);
        await expect(image.heading).toContainText(names.snapshot);
        await expect(image.delete).toBeEnabled({ timeout: 60_000 });
        await image.deleteImage(names.snapshot);
        await page.waitForURL(/\/project\/images$/, { timeout: 60_000 });
        await gone(`/api/images/${imageId}`);
        const images = new ImagesPage(page);
        await images.goto();
        await images.search.fill(names.snapshot);
        await expect(images.row(names.snapshot)).toHaveCount(0);
      });

      await test.step("delete the key pair", async () => {
        await keypairs.goto();
        await keypairs.delete(names.key);
        await expect(keypairs.row(names.key)).toHaveCount(0, { timeout: 60_000 });
        await keypairs.goto();
        await expect(keypairs.row(names.key)).toHaveCount(0);
      });
    });
  });
});
