import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { nanoid } from "nanoid";
import { Scratch } from "./cloud";
import { expect, test, users } from "./fixtures";
import { bootInstance } from "./flows/resources";
import { ImagePage } from "./pages/ImagePage";
import { InfrastructurePage } from "./pages/InfrastructurePage";
import { UploadImagePage } from "./pages/UploadImagePage";

const MiB = 1048576;
const IMAGE_URL = /\/project\/images\/[0-9a-f-]{36}$/;

/** A real qcow2 of 64 MiB virtual size (a few hundred KiB), made by qemu-img. */
function qcow2(): Buffer {
  const dir = mkdtempSync(join(tmpdir(), "zenith-e2e-qcow2-"));
  try {
    execFileSync("qemu-img", ["create", "-q", "-f", "qcow2", join(dir, "x.qcow2"), "64M"]);
    return readFileSync(join(dir, "x.qcow2"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test.describe("images as a tenant", () => {
  const made: string[] = [];
  test.afterEach(async ({ app }) => {
    for (const id of made.splice(0)) {
      await app.page.request.patch(`/api/images/${id}`, { headers: { "X-Zenith-Request": "1" }, data: { protected: false } });
      await app.page.request.delete(`/api/images/${id}`, { headers: { "X-Zenith-Request": "1" } });
    }
  });

  test("uploads a file with a progress bar, sees it active, and edits its properties", async ({ app }) => {
    test.setTimeout(120_000);
    await app.signInViaApi("demo");
    const upload = new UploadImagePage(app.page);
    await upload.goto();
    const name = `zenith-e2e-up-${nanoid(5)}`;
    // 24 MiB of non-zero raw data: enough for several progress events on the way through the BFF.
    await upload.upload({ name: `${name}.img`, buffer: Buffer.alloc(24 * MiB, 7) }, name, "raw");
    await expect(upload.progress).toBeVisible();
    await expect(upload.progress.getByRole("status")).toContainText("(100%)", { timeout: 60_000 });
    await upload.openImage.click();
    await app.page.waitForURL(IMAGE_URL);
    const id = new URL(app.page.url()).pathname.split("/").pop()!;
    made.push(id);
    const image = new ImagePage(app.page);
    await image.hydrated();
    await expect(image.heading).toContainText(name);
    await expect(image.status).toHaveText("active", { timeout: 30_000 });
    await expect(image.size).toContainText("24");
    await expect(image.copyWarning).toHaveCount(0);

    await image.addProperty("os_distro", "cirros");
    await expect(image.dialog).toBeHidden();
    await expect(image.properties).toContainText("os_distro");
    await expect(image.properties).toContainText("cirros");
    expect((await (await app.page.request.get(`/api/images/${id}`)).json()).properties).toMatchObject({ os_distro: "cirros" });
  });

  test("converts a qcow2 image to raw with one click, or says what the operator must enable", async ({ app, target }) => {
    test.setTimeout(120_000);
    await app.signInViaApi("demo");
    const created = await app.page.request.post("/api/images", {
      headers: { "X-Zenith-Request": "1" },
      data: { name: `zenith-e2e-conv-${nanoid(5)}`, diskFormat: "qcow2" },
    });
    expect(created.status()).toBe(201);
    const { id } = await created.json();
    made.push(id);
    const put = await app.page.request.put(`/api/openstack/image/images/${id}/file`, {
      headers: { "X-Zenith-Request": "1", "Content-Type": "application/octet-stream" },
      data: qcow2(),
    });
    expect(put.status()).toBe(204);
    const image = new ImagePage(app.page);
    await image.open(id);
    await expect(image.copyWarning).toBeVisible();
    if (target === "real") {
      // The real tier's Glance runs no image_conversion plugin: the action is disabled and says what to enable.
      await expect(image.convert).toBeDisabled();
      await expect(image.reason("convert")).toContainText("image_conversion");
      return;
    }
    await image.convert.click();
    await image.rawCopyLink.click();
    await app.page.waitForURL((u) => IMAGE_URL.test(u.toString()) && !u.pathname.endsWith(id));
    const copyId = new URL(app.page.url()).pathname.split("/").pop()!;
    made.push(copyId);
    await image.hydrated();
    await expect(image.status).toHaveText("active", { timeout: 30_000 });
    await expect(image.format).toHaveText("raw");
    await expect(image.copyWarning).toHaveCount(0);
    await expect(image.size).toContainText("64");
  });
});

test("admin: the hypervisors page lists Nova's hypervisors and the compute and volume services", async ({ app }) => {
  await app.signInViaApi("admin");
  const page = new InfrastructurePage(app.page);
  await page.goto();
  await expect(page.hypervisors.getByRole("row").nth(1)).toBeVisible();
  await expect(page.serviceRows("nova-compute").first()).toBeVisible();
  await expect(page.serviceRows("cinder-volume").first()).toBeVisible();
});

test("overview: quota charts carry their numbers as text, beside the recent instance actions", async ({ app, cloud, seed }) => {
  test.setTimeout(180_000);
  // An instance of the test's own, so its "create" is among the project's recent actions on either target (the real
  // tier seeds no instance, and other specs remove theirs).
  const scratch = await Scratch.as(cloud, users.demo, "demo");
  try {
    await app.signInViaApi("demo");
    const name = `e2e-overview-${nanoid(5)}`;
    scratch.track(await bootInstance(app.page, name, seed));
    await app.overview.goto();
    await expect(app.overview.quotas).toBeVisible();
    await expect(app.overview.quotaBar("cores")).toContainText(/\d+ of \d+ used/);
    await expect(app.overview.quotaBar("network")).toBeVisible();
    await expect(app.overview.quotaBar("gigabytes")).toContainText(/used/);
    // Recent actions: the project's instance action logs, newest first.
    await expect(app.overview.recentActions.getByRole("listitem").filter({ hasText: name }).first()).toBeVisible();
  } finally {
    await scratch.cleanUp();
  }
});
