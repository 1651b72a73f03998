import { expect, test } from "./fixtures";
import { InstancesPage } from "./pages/ResourceListPage";

/**
 * Streaming (issue 13): the server sends the page's frame at once and the data streams in behind <Suspense>, so a slow
 * service never blanks the page. Nova is slowed down; a MutationObserver, installed before the document arrives,
 * notes the order in which the header, the skeleton and the first instance row enter the DOM (order, not time): the
 * frame and the skeleton come first, the rows after, and the skeleton is gone once they are there.
 */
test.describe("streaming", () => {
  test.beforeEach(({ target }) => test.skip(target !== "sim", "slowing Nova down takes the embedded cloud's /_sim fault controls"));

  test("with a slow Nova, the header and a skeleton show before the instances, which then replace it", async ({ app, page, sim }) => {
    test.setTimeout(90_000);
    await app.signInViaApi("demo");
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __seen: string[] }).__seen = seen;
      const probes: [string, string][] = [
        ["header", "header button[aria-haspopup]"],
        ["skeleton", '[data-testid="page-skeleton"]'],
        ["rows", 'table tbody tr a[href^="/project/instances/"]'],
      ];
      const check = () => {
        for (const [name, sel] of probes) if (!seen.includes(name) && document.querySelector(sel)) seen.push(name);
      };
      new MutationObserver(check).observe(document, { childList: true, subtree: true });
    });
    const list = new InstancesPage(page);
    try {
      await sim.fault("compute", "slow", undefined, 3_000);
      await page.goto(list.path);
      await expect(list.bodyRows.first().getByRole("link")).toBeVisible({ timeout: 60_000 });
      const seen = await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
      expect(seen, "the skeleton was shown while Nova was slow").toContain("skeleton");
      expect(seen.indexOf("header"), `order: ${seen.join(" → ")}`).toBeLessThan(seen.indexOf("rows"));
      expect(seen.indexOf("skeleton"), `order: ${seen.join(" → ")}`).toBeLessThan(seen.indexOf("rows"));
      await expect(page.getByTestId("page-skeleton")).toHaveCount(0);
      await expect(list.heading).toHaveText(/^(Instances|云主机)$/);
    } finally {
      await sim.clearFaults();
    }
  });
});
