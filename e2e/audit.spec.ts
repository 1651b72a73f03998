import { expect, test, users } from "./fixtures";
import { AuditPage } from "./pages/AuditPage";

test.describe("Admin → Audit", () => {
  test.afterAll(async ({ target, sim }) => {
    if (target === "sim") await sim.reset();
  });

  test("an executed heal step is listed with who did it, when, and its result", async ({ app, cloud, seed }) => {
    const hosting = await cloud.dhcpHosting(users.admin, seed.singleAgentNetwork);
    const { netId } = hosting;
    await app.signInViaApi("admin");
    try {
      const post = (data: object) => app.page.request.post("/api/admin/dhcp/heal", { headers: { "X-Zenith-Request": "1" }, data });
      const plan = await post({ networkIds: [netId], dryRun: true });
      expect(plan.status(), await plan.text()).toBe(200);
      const { planId, steps } = await plan.json();
      expect(steps).toHaveLength(1);
      const run = await post({ networkIds: [netId], dryRun: false, planId });
      expect(run.status(), await run.text()).toBe(200);

      const audit = new AuditPage(app.page);
      await audit.goto();
      await expect(audit.heading).toHaveText("Audit");
      const row = audit.rows("dhcp.heal").filter({ hasText: seed.singleAgentNetwork }).first();
      await expect(row).toHaveAttribute("data-result", "ok");
      await expect(row.getByTestId("audit-user")).toHaveText("admin");
      // When: a <time> whose datetime is this run's, shown relative ("now") with the exact time on hover.
      const when = Date.parse((await row.locator("time").getAttribute("datetime"))!);
      expect(Math.abs(Date.now() - when)).toBeLessThan(10 * 60_000);
      await audit.screenshot("audit-en");

      await app.setPreferences({ locale: "zh-CN" });
      await audit.goto();
      await expect(audit.heading).toHaveText("审计");
      await expect(audit.rows("dhcp.heal").first()).toBeVisible();
      await audit.screenshot("audit-zh-CN");
    } finally {
      await hosting.restore(); // back to the seed's single agent (the real tier is shared)
    }
  });

  test("a member sees the admin-only state", async ({ app }) => {
    await app.signInViaApi("demo");
    await new AuditPage(app.page).goto();
    await expect(app.page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(app.page.getByTestId("audit-table")).toHaveCount(0);
  });
});
