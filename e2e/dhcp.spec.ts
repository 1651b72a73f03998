import { expect, test, users } from "./fixtures";
import { DhcpPage } from "./pages/DhcpPage";

test.describe("Admin → DHCP HA", () => {
  test.afterAll(async ({ target, sim }) => {
    if (target === "sim") await sim.reset();
  });

  test("shows the single-agent network degraded; a dry run then confirm heals it to 2 agents", async ({ app, cloud, seed, target }) => {
    const net = seed.singleAgentNetwork;
    const hosting = await cloud.dhcpHosting(users.admin, net);
    expect(hosting.initial, `${net} starts on one agent (the seed)`).toHaveLength(1);
    try {
      const dhcp = new DhcpPage(app.page);
      await app.signInViaApi("admin");
      await dhcp.goto();
      await dhcp.refresh.click(); // other specs changed the hosting through the API
      await expect(dhcp.heading).toHaveText("DHCP HA");
      const row = dhcp.row(net);
      await expect(row).toContainText("1 / 2");
      await expect(row).toContainText("Degraded");
      await expect(dhcp.agents.getByRole("row")).toHaveCount(seed.dhcpAgents + 1);
      await dhcp.onlyBelow.check();
      // The sim's default scenario: every network is hosted by one agent (the cs1-* four and two more).
      if (target === "sim") await expect(dhcp.networks.locator("tr[data-network]")).toHaveCount(6);
      await expect(dhcp.row(net)).toBeVisible();
      // Nothing selected yet: the button is disabled and says why.
      await expect(dhcp.healSelected).toBeDisabled();
      await dhcp.screenshot("dhcp-en");

      await dhcp.select(net).check();
      await dhcp.healSelected.click();
      await expect(dhcp.dialog).toBeVisible();
      await expect(dhcp.planSteps).toHaveCount(1);
      await expect(dhcp.planSteps.first()).toContainText(new RegExp(`Add agent \\S+ to network ${net}`));
      await dhcp.screenshot("dhcp-plan-en");
      await dhcp.confirm.click();
      await expect(dhcp.resultSteps).toHaveCount(1);
      await expect(dhcp.resultSteps.first()).toContainText("added");
      await dhcp.screenshot("dhcp-results-en");
      await dhcp.dialog.getByRole("button", { name: "Close" }).click();
      // Healed: it leaves the "below target" filter, and shows 2 / 2 without it.
      await expect(dhcp.row(net)).toHaveCount(0);
      await dhcp.onlyBelow.uncheck();
      await expect(dhcp.row(net)).toContainText("2 / 2");
      await expect(dhcp.row(net)).toContainText("OK");
      // Neutron itself agrees.
      expect(await hosting.agents()).toHaveLength(2);
    } finally {
      await hosting.restore(); // back to the seed's single agent
    }
  });

  test("renders in zh-CN", async ({ app, seed, target, sim }) => {
    if (target === "sim") await sim.reset();
    const dhcp = new DhcpPage(app.page);
    await app.setPreferences({ locale: "zh-CN" });
    await app.signInViaApi("admin");
    await dhcp.goto();
    await dhcp.refresh.click(); // the sim was reset after the shared facts were read
    await expect(dhcp.heading).toHaveText("DHCP 高可用");
    await expect(dhcp.row(seed.singleAgentNetwork)).toContainText("降级");
    await dhcp.healAll.click();
    await expect(dhcp.planSteps.filter({ hasText: seed.singleAgentNetwork })).toHaveCount(1);
    if (target === "sim") await expect(dhcp.planSteps).toHaveCount(6);
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
