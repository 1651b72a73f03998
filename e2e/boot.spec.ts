import { Scratch } from "./cloud";
import { expect, test, users } from "./fixtures";
import { LaunchPage } from "./pages/LaunchPage";

/**
 * The seeded images of each target (e2e/cloud.ts): a raw image in this cluster (an RBD clone either way), and
 * one whose copy outlasts Nova's volume wait (sim: a large raw image on a foreign cluster; real: a qcow2 image,
 * which Cinder must download and convert while Nova waits 5 s).
 */
const NO_MIN_DISK = "the real seed's images carry no min_disk (zenith-raw is 128 MiB), so there is no minimum to violate";

test.describe("boot wizard", () => {
  /** Servers this spec launched, deleted afterwards with their volumes (the real tier is shared, its quotas small). */
  const launched: string[] = [];
  test.beforeEach(async ({ app }) => {
    await app.signInViaApi("admin");
    app.page.on("response", async (r) => {
      if (r.request().method() === "POST" && new URL(r.url()).pathname === "/api/boot" && r.status() === 202)
        launched.push((await r.json()).serverId);
    });
  });
  test.afterAll(async ({ cloud }) => {
    test.setTimeout(180_000);
    const scratch = await Scratch.as(cloud, users.admin, "admin");
    for (const id of launched) scratch.track(id);
    await scratch.cleanUp();
  });

  for (const createVolume of [false, true]) {
    test(`boots the raw image with "Create new volume" ${createVolume ? "Yes" : "No"}: an RBD clone`, async ({ page, seed }) => {
      test.setTimeout(60_000);
      const launch = new LaunchPage(page);
      await launch.fresh();
      await launch.nameInput.fill(`e2e-raw-${createVolume ? "vol" : "local"}`);
      await launch.chooseImage(seed.rawImage);
      await launch.createVolume(createVolume);
      await expect(launch.planPath).toHaveAttribute("data-path", createVolume ? "rbd-clone-volume" : "rbd-clone-local");
      await expect(page.getByTestId("check-raw_format")).toHaveAttribute("data-status", "pass");
      await launch.toReview(seed.flavor.name, seed.network);
      await expect(launch.submit).toBeEnabled();
      await launch.submit.click();
      await expect(launch.progress).toBeVisible();
      await expect(launch.progress).toHaveAttribute("data-outcome", "active", { timeout: 30_000 });
      await expect(page.getByTestId("progress-phases").locator("[data-phase=active]")).toBeVisible();
      if (createVolume) await expect(page.getByTestId("progress-phases").locator("[data-phase=volume_creating]")).toBeVisible();
      await expect(page.getByRole("link", { name: /Open the instance/ })).toHaveAttribute("href", /\/project\/instances\/[0-9a-f-]{36}$/);
      await launch.screenshot(`boot-raw-${createVolume ? "volume" : "local"}-active-en`);
    });
  }

  test("shows the Nova-wait risk for the image that must be copied before launch, then Nova's fault verbatim", async ({ page, seed }) => {
    test.setTimeout(90_000);
    const launch = new LaunchPage(page);
    await launch.fresh();
    await launch.nameInput.fill("e2e-copy");
    await launch.chooseImage(seed.copyImage);
    await launch.createVolume(true);
    await expect(launch.planPath).toHaveAttribute("data-path", "copy-volume");
    const risk = launch.risk("nova_volume_wait_exceeded");
    await expect(risk).toHaveAttribute("data-severity", "error");
    await expect(risk).toContainText(`Nova gives up after ${seed.novaWaitSeconds} s`);
    await expect(page.getByTestId(`check-${seed.copyFailingCheck}`)).toHaveAttribute("data-status", "fail");
    await launch.screenshot("boot-copy-risk-en");
    await launch.toReview(seed.flavor.name, seed.network);
    await launch.submit.click();
    await expect(launch.progress).toHaveAttribute("data-outcome", "error", { timeout: 60_000 });
    // The progress came over SSE through `next start`, live: the first event arrived while the copy was still going
    // (a stream buffered until the end would deliver its first event already done), and more followed.
    await expect(launch.progress).toHaveAttribute("data-stream-first-done", "false");
    expect(Number(await launch.progress.getAttribute("data-stream-events"))).toBeGreaterThan(1);
    await expect(launch.fault).toContainText(/did not finish being created even after we waited \d+ seconds or \d+ attempts/);
    await launch.screenshot("boot-copy-fault-en");
  });

  test("validation: a volume below the minimum, no name and no network block the launch", async ({ page, target, seed }) => {
    test.skip(target === "real", NO_MIN_DISK);
    const launch = new LaunchPage(page);
    await launch.fresh();
    await launch.chooseImage(seed.rawImage);
    await launch.createVolume(true);
    await expect(launch.planPath).toHaveAttribute("data-path", "rbd-clone-volume");
    await launch.volumeSize.fill("2");
    await expect(page.locator("#boot-volume-size-hint")).toContainText("at least 8 GiB");
    await expect(launch.volumeSize).toHaveAttribute("aria-invalid", "true");
    await launch.step(4).click();
    await expect(launch.problems).toContainText("Enter a name for the instance.");
    await expect(launch.problems).toContainText("Choose at least one network.");
    await expect(launch.problems).toContainText("The volume must be at least 8 GiB.");
    await expect(launch.submit).toBeDisabled();
    await launch.screenshot("boot-validation-en");
    // A reload keeps the draft (sessionStorage).
    await page.reload();
    await launch.hydrated();
    await expect(launch.problems).toContainText("The volume must be at least 8 GiB.");
  });

  test("flavors too small for the image are disabled with the reason", async ({ page, target, seed }) => {
    test.skip(target === "real", NO_MIN_DISK);
    const launch = new LaunchPage(page);
    await launch.fresh();
    await launch.chooseImage(seed.rawImage);
    await launch.next();
    const tiny = page.getByRole("radio", { name: /^m1\.tiny/ });
    await expect(tiny).toBeDisabled();
    await expect(page.getByTestId("flavor-1")).toContainText(/smaller than the image needs \(8 GiB\)/);
  });

  test("screenshots of the wizard in zh-CN", async ({ app, page, seed }) => {
    await app.setPreferences({ locale: "zh-CN" });
    const launch = new LaunchPage(page);
    await launch.fresh();
    await launch.nameInput.fill("演示");
    await launch.chooseImage(seed.copyImage);
    await launch.createVolume(true);
    await expect(launch.risk("nova_volume_wait_exceeded")).toContainText(`Nova 在 ${seed.novaWaitSeconds} 秒后放弃`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("创建云主机");
    await launch.screenshot("boot-copy-risk-zh-CN");
    await launch.chooseImage(seed.rawImage);
    await expect(launch.planPath).toHaveAttribute("data-path", "rbd-clone-volume");
    await launch.screenshot("boot-raw-clone-zh-CN");
  });
});
