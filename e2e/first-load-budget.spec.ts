import type { Browser, TestInfo } from "@playwright/test";
import { expect, test, users, type DemoUser } from "./fixtures";
import { firstLoadBytes } from "./first-load";
import { resolveViewPath, views } from "./views";

/**
 * The JS budget (issue 8): first-load JS+CSS ≤ 170 KiB gzip on every view, in bytes, the way bench/first-load.bench.ts
 * measures it, so a change that makes any view heavier fails the suite. Sim only: the bytes are the build's, the same
 * whichever cloud answers.
 */
const BUDGET_KIB = 170;

async function contextFor(browser: Browser, info: TestInfo, user?: DemoUser) {
  const ctx = await browser.newContext({ baseURL: info.project.use.baseURL });
  if (user) {
    const res = await ctx.request.post("/api/auth/login", { headers: { "X-Zenith-Request": "1" }, data: users[user] });
    expect(res.status(), await res.text()).toBe(200);
  }
  return ctx;
}

test.describe("first-load JS+CSS budget", () => {
  test.beforeEach(({ target }) => test.skip(target !== "sim", "the bytes are the build's: measured once, on the sim target"));

  test(`every view loads at most ${BUDGET_KIB} KiB of gzipped JS+CSS`, async ({ browser }, info) => {
    test.setTimeout(180_000);
    const probe = await contextFor(browser, info, "demo");
    const list = (await (await probe.request.get("/api/instances")).json()) as { items: { id: string }[] };
    await probe.close();
    expect(list.items.length, "the seeded cloud has an instance for the detail view").toBeGreaterThan(0);
    const seen: Record<string, number> = {};
    const files: Record<string, Record<string, number>> = {};
    for (const view of views) {
      const ctx = await contextFor(browser, info, view.user);
      const path = await resolveViewPath(view.path, (u) => ctx.request.get(u));
      expect(path, `${view.name}: the seeded cloud has what the view opens`).not.toBeNull();
      const fl = await firstLoadBytes(ctx, path!);
      expect(fl.js, `${view.name}: some script was loaded`).toBeGreaterThan(0);
      seen[view.name] = Math.round(((fl.js + fl.css) / 1024) * 10) / 10;
      files[view.name] = fl.byFile;
    }
    info.annotations.push({ type: "first-load KiB gzip", description: JSON.stringify(seen) });
    const over = Object.entries(seen).filter(([, kib]) => kib > BUDGET_KIB);
    // The files of a view over budget (KiB gzip each) say where to look.
    const detail = over.map(([name]) => `${name}: ${JSON.stringify(files[name])}`).join("; ");
    expect(over, `views over ${BUDGET_KIB} KiB: ${JSON.stringify(seen)}; ${detail}`).toEqual([]);
  });
});
