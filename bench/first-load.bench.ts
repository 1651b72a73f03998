import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { BrowserContext, Page, Request } from "@playwright/test";
import { ADMIN, DEMO, startBrowserStack, type BrowserStack } from "./browser-stack";
import { report } from "./harness";
import { firstLoadBytes, isPrefetch } from "../e2e/first-load";

/**
 * Per view, in Chromium against `next start` (run `npx next build` first) and the embedded cloud:
 *
 * 1. First-load JS+CSS: every script and stylesheet the page itself loads until the network is idle, gzipped here
 *    (zlib level 6, what `next start` sends), with the router's prefetch requests refused so that chunks of *other*
 *    routes, learnt from prefetches, do not count. That is what a visitor downloads to see and use this view; it
 *    leaves out the no-module polyfills that a modern browser never fetches, which a sum over build files would count.
 *    `nextJs` is Next's own first-load chunk list (.next/diagnostics/route-bundle-stats.json) gzipped the same way,
 *    as a cross-check of the JS part.
 * 2. Browser requests per view with nothing refused, until the network is idle and 2 s more: by kind, with the
 *    router's prefetches apart and the requests the browser aborted.
 * 3. On the instances list: the prefetches that hovering the first row's link starts.
 *
 * Counts and bytes, not times: reports, asserts nothing. Ports: BENCH_SIM_PORT / BENCH_NEXT_PORT, else free ones.
 */
interface View {
  name: string;
  path: string;
  user?: typeof DEMO;
}

const root = new URL("..", import.meta.url).pathname;
const kib = (n: number) => Math.round((n / 1024) * 10) / 10;

function kindOf(req: Request, headers: Record<string, string>): string {
  if (isPrefetch(headers)) return "prefetch";
  if (headers.rsc === "1") return "rsc";
  const url = new URL(req.url());
  if (url.pathname.startsWith("/api/")) return "api";
  const t = req.resourceType();
  return t === "document" || t === "script" || t === "stylesheet" ? t : "other";
}

/** Next's own first-load chunk list for a route, gzipped here; undefined when the build has no such diagnostics. */
function manifestJs(route: string): number | undefined {
  const file = join(root, ".next", "diagnostics", "route-bundle-stats.json");
  if (!existsSync(file)) return undefined;
  const stats = JSON.parse(readFileSync(file, "utf8")) as { route: string; firstLoadChunkPaths: string[] }[];
  const entry = stats.find((s) => s.route === route);
  return entry?.firstLoadChunkPaths.reduce((sum, p) => sum + gzipSync(readFileSync(join(root, p))).length, 0);
}

async function settle(page: Page, extraMs: number): Promise<void> {
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(extraMs);
  await page.waitForLoadState("networkidle");
}

async function firstLoad(stack: BrowserStack, view: View) {
  return firstLoadBytes(await stack.context(view.user), view.path);
}

async function requestsPerView(stack: BrowserStack, view: View, hoverRow?: string) {
  const ctx: BrowserContext = await stack.context(view.user);
  const page = await ctx.newPage();
  const counts: Record<string, number> = {};
  let aborted = 0;
  const pending: Promise<void>[] = [];
  page.on("request", (req) => {
    pending.push(
      req.allHeaders().then((h) => {
        const k = kindOf(req, h);
        counts[k] = (counts[k] ?? 0) + 1;
      }),
    );
  });
  page.on("requestfailed", (req) => {
    if (/ABORTED|cancel/i.test(req.failure()?.errorText ?? "")) aborted++;
  });
  await page.goto(view.path, { waitUntil: "load" });
  await settle(page, 2000);
  await Promise.all(pending);
  let hoverPrefetches: number | undefined;
  if (hoverRow) {
    const before = counts.prefetch ?? 0;
    await page.locator(hoverRow).first().hover();
    await settle(page, 1000);
    await Promise.all(pending);
    hoverPrefetches = (counts.prefetch ?? 0) - before;
  }
  await ctx.close();
  const total = Object.values(counts).reduce((s, n) => s + n, 0);
  return { counts, total, aborted, hoverPrefetches };
}

const stack = await startBrowserStack();
try {
  const probe = await stack.context(DEMO);
  const list = (await (await probe.request.get("/api/instances")).json()) as { items: { id: string }[] };
  await probe.close();
  const views: View[] = [
    { name: "login", path: "/login" },
    { name: "overview", path: "/project", user: DEMO },
    { name: "instances", path: "/project/instances", user: DEMO },
    { name: "instance detail", path: `/project/instances/${list.items[0].id}`, user: DEMO },
    { name: "launch", path: "/project/instances/launch", user: DEMO },
    { name: "volumes", path: "/project/volumes", user: DEMO },
    { name: "images", path: "/project/images", user: DEMO },
    { name: "networks", path: "/project/networks", user: DEMO },
    { name: "admin system", path: "/admin/system", user: ADMIN },
    { name: "lineage", path: "/admin/lineage", user: ADMIN },
    { name: "dhcp", path: "/admin/dhcp", user: ADMIN },
    { name: "rollouts", path: "/admin/rollouts", user: ADMIN },
  ];
  const routeOf = (p: string) => p.replace(/\/project\/instances\/(?!launch)[^/]+$/, "/project/instances/[id]");
  const rows: Record<string, unknown>[] = [];
  for (const view of views) {
    const fl = await firstLoad(stack, view);
    const rq = await requestsPerView(stack, view, view.name === "instances" ? '[data-testid^="instance-row-"] a' : undefined);
    const nextJs = manifestJs(routeOf(view.path));
    rows.push({
      view: view.name,
      "JS+CSS KiB gz": kib(fl.js + fl.css),
      "JS KiB": kib(fl.js),
      "CSS KiB": kib(fl.css),
      "next manifest JS KiB": nextJs === undefined ? "-" : kib(nextJs),
      files: fl.files,
      requests: rq.total,
      prefetches: rq.counts.prefetch ?? 0,
      aborted: rq.aborted,
      api: rq.counts.api ?? 0,
      "js/css": (rq.counts.script ?? 0) + (rq.counts.stylesheet ?? 0),
      "hover prefetches": rq.hoverPrefetches ?? "-",
    });
  }
  report("first-load", rows);
} finally {
  await stack.dispose();
}
