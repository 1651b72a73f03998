import { expect, test } from "./fixtures";
import { ImagesPage, InstancesPage, NetworksPage } from "./pages/ResourceListPage";

const SIM_ONLY = "needs /_sim fault injection to take Glance down for one test; the real tier's outages are in fault-real.int.test.ts";

test.describe("one service down", () => {
  test.afterEach(async ({ sim, target }) => {
    if (target === "sim") await sim.clearFaults();
  });

  for (const locale of ["en", "zh-CN"] as const) {
    test(`with Glance down, the pages that need it name it and the rest stay usable (${locale})`, async ({ app, sim, target }) => {
      test.skip(target === "real", SIM_ONLY);
      test.setTimeout(120_000);
      await app.setPreferences({ locale, theme: "light" });
      await app.signInViaApi("demo");
      await sim.fault("image", "down");
      const glance = locale === "en" ? "Glance (image)" : "Glance（镜像）";

      // Instances only need Glance for image names: the list is there, and says Glance is not answering.
      const instances = new InstancesPage(app.page);
      await instances.goto();
      await expect(instances.row("web-1")).toBeVisible();
      const notice = app.page.locator('[role="status"][data-service="image"]');
      await expect(notice).toContainText(glance);
      await instances.screenshot(`service-down-instances-${locale}`);

      // The images list needs Glance itself: it fails, naming it, with the request id. By then Glance has usually
      // failed often enough to open its breaker: the BFF then answers at once without calling it.
      const images = new ImagesPage(app.page);
      await images.goto();
      await expect(images.errorAlert).toContainText(/Glance \(image\) (is unreachable|failed \d+ times in a row)/, { timeout: 20_000 });
      await expect(images.errorAlert).toContainText(/req-[0-9a-f-]{36}/);

      // Networks don't touch Glance.
      const networks = new NetworksPage(app.page);
      await networks.goto();
      await expect(networks.bodyRows.first()).toBeVisible();
      await expect(networks.errorAlert).toHaveCount(0);

      // Back without a restart: once Glance answers again and the breaker's cool-down (30 s by default) is over,
      // the notice is gone and the images are listed.
      await sim.clearFaults();
      await expect(async () => {
        await instances.goto();
        await expect(instances.row("web-1")).toBeVisible();
        await expect(notice).toHaveCount(0, { timeout: 1000 });
      }).toPass({ timeout: 60_000, intervals: [2000] });
      await images.goto();
      await expect(images.row("centos-7-raw")).toBeVisible();
    });
  }
});
