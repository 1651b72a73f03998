import { gzipSync } from "node:zlib";
import type { BrowserContext } from "@playwright/test";

/** Whether a request is one of the App Router's prefetches (of other routes). */
export function isPrefetch(headers: Record<string, string>): boolean {
  return "next-router-prefetch" in headers || "next-router-segment-prefetch" in headers;
}

/**
 * First-load JS+CSS of one view: every script and stylesheet the page loads until the network is idle, gzipped here
 * (zlib level 6, what `next start` sends), with the router's prefetches refused so that chunks of *other* routes do
 * not count. What a visitor downloads to see and use this view. Used by the budget spec (e2e/first-load-budget.spec.ts)
 * and the bench (bench/first-load.bench.ts). Closes the context.
 */
export async function firstLoadBytes(
  ctx: BrowserContext,
  path: string,
): Promise<{ files: number; js: number; css: number; byFile: Record<string, number> }> {
  await ctx.route("**/*", (route) => (isPrefetch(route.request().headers()) ? route.abort() : route.continue()));
  const page = await ctx.newPage();
  const bodies = new Map<string, Promise<{ url: string; type: string; gz: number } | undefined>>();
  page.on("response", (res) => {
    const type = res.request().resourceType();
    if ((type !== "script" && type !== "stylesheet") || bodies.has(res.url())) return;
    bodies.set(
      res.url(),
      res.body().then(
        (b) => ({ url: res.url(), type, gz: gzipSync(b).length }),
        () => undefined,
      ),
    );
  });
  await page.goto(path, { waitUntil: "load" });
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(500);
  await page.waitForLoadState("networkidle");
  const got = (await Promise.all(bodies.values())).filter((b) => b !== undefined);
  await ctx.close();
  const sum = (type: string) => got.filter((b) => b.type === type).reduce((s, b) => s + b.gz, 0);
  const byFile = Object.fromEntries(
    got.map((b) => [new URL(b.url).pathname.split("/").pop() ?? b.url, Math.round((b.gz / 1024) * 10) / 10]),
  );
  return { files: got.length, js: sum("script"), css: sum("stylesheet"), byFile };
}
