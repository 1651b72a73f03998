import { expect, test } from "./fixtures";
import { DhcpPage } from "./pages/DhcpPage";

test.describe("Admin → DHCP HA", () => {
  test.afterAll(async ({ sim }) => { await sim.reset(); });

  test("shows the single-agent networks degraded; a dry run then confirm heals one to 2 agents", async ({ app, sim }) => {
    await sim.reset();
    const dhcp = new DhcpPage(app.page);
    await app.signInViaApi("admin");
    await dhcp.goto();
    await expect(dhcp.heading).toHaveText("DHCP HA");
    const row = dhcp.row("cs1-yw-1");
    await expect(row).toContainText("1 / 2");
    await expect(row).toContainText("Degraded");
    await expect(dhcp.agents.getByRole("row")).toHaveCount(19);
    await dhcp.onlyBelow.check();
    // The default scenario: every network is hosted by one agent (the cs1-* four and two more).
    await expect(dhcp.networks.locator("tr[data-network]")).toHaveCount(6);
    // Nothing selected yet: the button is disabled and says why.
    await expect(dhcp.healSelected).toBeDisabled();
    await dhcp.screenshot("dhcp-en");

    await dhcp.select("cs1-yw-1").check();
    await dhcp.healSelected.click();
    await expect(dhcp.dialog).toBeVisible();
    await expect(dhcp.planSteps).toHaveCount(1);
    await expect(dhcp.planSteps.first()).toContainText(/Add agent cs1-opc-\d+ to network cs1-yw-1/);
    await dhcp.screenshot("dhcp-plan-en");
    await dhcp.confirm.click();
    await expect(dhcp.resultSteps).toHaveCount(1);
    await expect(dhcp.resultSteps.first()).toContainText("added");
    await dhcp.screenshot("dhcp-results-en");
    await dhcp.dialog.getByRole("button", { name: "Close" }).click();
    // Healed: it leaves the "below target" filter, and shows 2 / 2 without it.
    await expect(dhcp.row("cs1-yw-1")).toHaveCount(0);
    await dhcp.onlyBelow.uncheck();
    await expect(dhcp.row("cs1-yw-1")).toContainText("2 / 2");
    await expect(dhcp.row("cs1-yw-1")).toContainText("OK");
  });

  test("renders in zh-CN", async ({ app, sim }) => {
    await sim.reset();
    const dhcp = new DhcpPage(app.page);
    await app.setPreferences({ locale: "zh-CN" });
    await app.signInViaApi("admin");
    await dhcp.goto();
    await expect(dhcp.heading).toHaveText("DHCP 高可用");
    await expect(dhcp.row("cs1-yw-2")).toContainText("降级");
    await dhcp.healAll.click();
    await expect(dhcp.planSteps).toHaveCount(6);
    await dhcp.screenshot("dhcp-plan-zh-CN");
    await dhcp.dialog.getByRole("button", { name: "取消" }).click();
    await dhcp.screenshot("dhcp-zh-CN");
  });

  test("a member sees the admin-only state", async ({ app }) => {
    const dhcp = new DhcpPage(app.page);
    await app.signInViaApi("demo");
    await dhcp.goto();
    await expect(app.page.getByText("Administrators only")).toBeVisible();
  });
});
