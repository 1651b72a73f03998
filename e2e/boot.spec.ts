import { expect, test } from "./fixtures";
import { LaunchPage } from "./pages/LaunchPage";

/** The seeded demo images (sim/scenarios/storage.ts) and a network the admin project can use. */
const RAW = "centos-7-raw";
const FOREIGN = "rhel-9-large-foreign";
const NETWORK = "cs1-yw-1";

test.describe("boot wizard", () => {
  test.beforeEach(async ({ app }) => {
    await app.signInViaApi("admin");
  });

  for (const createVolume of [false, true]) {
    test(`boots the raw image with "Create new volume" ${createVolume ? "Yes" : "No"}: an RBD clone`, async ({ page }) => {
      test.setTimeout(60_000);
      const launch = new LaunchPage(page);
      await launch.fresh();
      await launch.nameInput.fill(`e2e-raw-${createVolume ? "vol" : "local"}`);
      await launch.chooseImage(RAW);
      await launch.createVolume(createVolume);
      await expect(launch.planPath).toHaveAttribute("data-path", createVolume ? "rbd-clone-volume" : "rbd-clone-local");
      await expect(page.getByTestId("check-raw_format")).toHaveAttribute("data-status", "pass");
      await launch.next();
      await launch.chooseFlavor("m1.small");
      await launch.next();
      await launch.checkNetwork(NETWORK);
      await launch.next();
      await launch.next();
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

  test("shows the Nova-wait risk for the large foreign image before launch, then Nova's fault verbatim", async ({ page }) => {
    test.setTimeout(90_000);
    const launch = new LaunchPage(page);
    await launch.fresh();
    await launch.nameInput.fill("e2e-foreign");
    await launch.chooseImage(FOREIGN);
    await launch.createVolume(true);
    await expect(launch.planPath).toHaveAttribute("data-path", "copy-volume");
    const risk = launch.risk("nova_volume_wait_exceeded");
    await expect(risk).toHaveAttribute("data-severity", "error");
    await expect(risk).toContainText(/Nova gives up after 183 s/);
    await expect(risk).toContainText(/own Ceph cluster|pre-create the volume/);
    await expect(page.getByTestId("check-same_fsid")).toHaveAttribute("data-status", "fail");
    await launch.screenshot("boot-foreign-risk-en");
    await launch.next();
    await launch.chooseFlavor("m1.medium");
    await launch.next();
    await launch.checkNetwork(NETWORK);
    await launch.next();
    await launch.next();
    await launch.submit.click();
    await expect(launch.progress).toHaveAttribute("data-outcome", "error", { timeout: 60_000 });
    await expect(launch.fault).toContainText(/did not finish being created even after we waited \d+ seconds or \d+ attempts/);
    await launch.screenshot("boot-foreign-fault-en");
  });

  test("validation: a volume below the minimum, no name and no network block the launch", async ({ page }) => {
    const launch = new LaunchPage(page);
    await launch.fresh();
    await launch.chooseImage(RAW);
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

  test("flavors too small for the image are disabled with the reason", async ({ page }) => {
    const launch = new LaunchPage(page);
    await launch.fresh();
    await launch.chooseImage(RAW);
    await launch.next();
    const tiny = page.getByRole("radio", { name: /^m1\.tiny/ });
    await expect(tiny).toBeDisabled();
    await expect(page.getByTestId("flavor-1")).toContainText(/smaller than the image needs \(8 GiB\)/);
  });

  test("screenshots of the wizard in zh-CN", async ({ app, page }) => {
    await app.setPreferences({ locale: "zh-CN" });
    const launch = new LaunchPage(page);
    await launch.fresh();
    await launch.nameInput.fill("演示");
    await launch.chooseImage(FOREIGN);
    await launch.createVolume(true);
    await expect(launch.risk("nova_volume_wait_exceeded")).toContainText("Nova 在 183 秒后放弃");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("创建云主机");
    await launch.screenshot("boot-foreign-risk-zh-CN");
    await launch.chooseImage(RAW);
    await expect(launch.planPath).toHaveAttribute("data-path", "rbd-clone-volume");
    await launch.screenshot("boot-raw-clone-zh-CN");
  });
});
