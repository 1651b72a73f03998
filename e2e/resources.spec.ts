import { nanoid } from "nanoid";
import { expect, test } from "./fixtures";
import { bootInstance } from "./flows/resources";
import { InstancePage } from "./pages/InstancePage";
import { ImagesPage, InstancesPage, NetworksPage, VolumesPage } from "./pages/ResourceListPage";

test.describe("project resources", () => {
  for (const locale of ["en", "zh-CN"] as const) {
    test(`each list renders the seeded data (${locale})`, async ({ app }) => {
      await app.setPreferences({ locale, theme: "light" });
      await app.signInViaApi("demo");
      const instances = new InstancesPage(app.page);
      await instances.goto();
      await expect(instances.row("web-1")).toBeVisible();
      await expect(instances.row("rhel-bfv-1")).toContainText(locale === "en" ? "Error" : "错误");
      await expect(instances.row("rhel-bfv-1")).toContainText(locale === "en" ? "Boot from volume" : "从云硬盘启动");
      await expect(instances.row("web-1")).toContainText("centos-7-raw");
      await expect(instances.launch).toBeVisible();
      await instances.screenshot(`instances-${locale}`);

      const volumes = new VolumesPage(app.page);
      await volumes.goto();
      await expect(volumes.row("centos-data")).toContainText("centos-7-raw");
      await expect(volumes.row("centos-data")).toContainText("20 GiB");
      await volumes.screenshot(`volumes-${locale}`);

      const images = new ImagesPage(app.page);
      await images.goto();
      await expect(images.row("ubuntu-22.04-qcow2")).toContainText(locale === "en" ? "will be copied, not cloned" : "将被复制，而非克隆");
      await expect(images.row("centos-7-raw")).not.toContainText(locale === "en" ? "will be copied" : "将被复制");
      await images.screenshot(`images-${locale}`);

      const networks = new NetworksPage(app.page);
      await networks.goto();
      await expect(networks.row("demo-net")).toContainText(/\d+\.\d+\.\d+\.\d+\/\d+/);
      await networks.screenshot(`networks-${locale}`);
    });
  }

  test("search, filter and sort live in the URL and survive a reload", async ({ app }) => {
    await app.signInViaApi("demo");
    const instances = new InstancesPage(app.page);
    await instances.goto();
    await instances.search.fill("web");
    await expect(app.page).toHaveURL(/[?&]q=web/);
    await expect(instances.bodyRows).toHaveCount(2);
    await instances.sortBy(/^Name$/).click();
    await expect(app.page).toHaveURL(/sort=name&dir=asc/);
    await expect(instances.table.getByRole("columnheader", { name: /^Name$/ })).toHaveAttribute("aria-sort", "ascending");
    await app.page.reload();
    await expect(instances.search).toHaveValue("web");
    await expect(instances.bodyRows.first()).toContainText("web-1");
    await instances.search.fill("no-such-instance");
    await expect(instances.empty).toContainText("Nothing matches");
    await instances.search.fill("");
    await instances.filter.selectOption("ERROR");
    await expect(app.page).toHaveURL(/status=ERROR/);
    await expect(instances.bodyRows).toHaveCount(1);
  });

  test("stop and start an instance; a disabled action says why", async ({ app }) => {
    await app.signInViaApi("demo");
    const name = `e2e-${nanoid(6)}`;
    const detail = new InstancePage(app.page, await bootInstance(app.page, name));
    await detail.goto();
    await expect(detail.heading).toContainText(name);
    await expect(detail.action(/^Start$/)).toBeDisabled();
    await expect(detail.reason("start")).toHaveText("Start: the instance is already running (ACTIVE)");
    await expect(detail.action(/^Start$/)).toHaveAttribute("aria-describedby", /.+/);

    await detail.action(/^Stop$/).click();
    await expect(detail.status).toHaveText("Shut off", { timeout: 20_000 });
    await expect(detail.reason("stop")).toHaveText("Stop: the instance is already SHUTOFF");
    await detail.screenshot("instance-stopped-en");

    await detail.action(/^Start$/).click();
    await expect(detail.status).toHaveText("Active", { timeout: 20_000 });
    await expect(detail.action(/^Stop$/)).toBeEnabled();
  });

  test("row actions: a disabled one says why; stop and delete from the list", async ({ app }) => {
    await app.signInViaApi("demo");
    const name = `e2e-${nanoid(6)}`;
    await bootInstance(app.page, name);
    const list = new InstancesPage(app.page);
    await list.goto();
    const start = list.rowAction(name, /^Start$/);
    await expect(start).toHaveAttribute("aria-disabled", "true");
    await expect(start).toHaveAccessibleDescription("Start: the instance is already running (ACTIVE)");
    await list.rowAction(name, /^Stop$/).click();
    await expect(list.row(name)).toContainText("Shut off", { timeout: 20_000 });
    await expect(list.rowAction(name, /^Stop$/)).toHaveAccessibleDescription("Stop: the instance is already SHUTOFF");
    await list.screenshot("instances-row-actions-en");
    await list.rowAction(name, /^Delete$/).click();
    await expect(list.dialog.getByRole("heading")).toHaveText(`Delete instance ${name}?`);
    await list.dialog.getByRole("button", { name: `Delete ${name}` }).click();
    await expect(list.dialog).toBeHidden();
    await expect(list.link(name)).toHaveCount(0);
  });

  test("delete asks first, naming the instance", async ({ app }) => {
    await app.signInViaApi("demo");
    const name = `e2e-${nanoid(6)}`;
    const detail = new InstancePage(app.page, await bootInstance(app.page, name));
    await detail.goto();
    await detail.action(/^Delete$/).click();
    await expect(detail.dialog).toBeVisible();
    await expect(detail.dialog.getByRole("heading")).toHaveText(`Delete instance ${name}?`);
    await expect(detail.dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
    await detail.screenshot("instance-delete-dialog-en");
    await app.page.keyboard.press("Escape");
    await expect(detail.dialog).toBeHidden();

    await detail.action(/^Delete$/).click();
    await detail.dialog.getByRole("button", { name: `Delete ${name}` }).click();
    const list = new InstancesPage(app.page);
    await expect(app.page).toHaveURL(/\/project\/instances$/);
    await expect(list.table).toBeVisible();
    await expect(list.link(name)).toHaveCount(0);
  });

  for (const locale of ["en", "zh-CN"] as const) {
    test(`an instance in ERROR shows Nova's fault verbatim (${locale})`, async ({ app }) => {
      await app.setPreferences({ locale, theme: "light" });
      await app.signInViaApi("demo");
      const list = new InstancesPage(app.page);
      await list.goto();
      await list.link("rhel-bfv-1").click();
      await expect(app.page).toHaveURL(/\/project\/instances\/[0-9a-f-]{36}$/);
      const detail = new InstancePage(app.page, "");
      await expect(detail.fault).toHaveText(/^Build of instance .* aborted: Volume .* did not finish being created even after we waited \d+ seconds or \d+ attempts\. And its status is \w+\.$/);
      await expect(detail.reason("start")).toBeVisible();
      await detail.screenshot(`instance-error-${locale}`);
    });
  }

  test("a failing service is named, with a retry", async ({ app, sim }) => {
    await app.signInViaApi("demo");
    await sim.fault("image", "503");
    const images = new ImagesPage(app.page);
    await images.goto();
    await expect(images.errorAlert).toContainText("Could not load the images", { timeout: 20_000 });
    await expect(images.errorAlert).toContainText(/Glance \(image\) answered 503/);
    await images.screenshot("images-error-en");
    await sim.clearFaults();
    await images.errorAlert.getByRole("button", { name: "Try again" }).click();
    await expect(images.row("centos-7-raw")).toBeVisible();
  });
});
