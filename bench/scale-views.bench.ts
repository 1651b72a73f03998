/**
 * Issue 16's browser figures on the `scale` scenario (10k servers, 5k volumes, 1k images, 16k RBD images, 2k
 * networks, 100 DHCP agents), in Debian's Chromium through `next start` (run `npx next build` first):
 *
 * 1. the first view of Lineage and of DHCP HA on a fresh app (the facts gathered: the time an operator waits once);
 * 2. `BENCH_RUNS` (3) cold (new context, fresh sign-in) and warm (reload) runs of the instances list, DHCP HA and
 *    Lineage: time to the first row (data visible), and each admin view's median over the instances list's (goal
 *    ≤ 1.5×, reported, not asserted); the shared facts expire during the runs (30 s / 10 s), so some runs gather;
 * 3. the next-server's RSS at start, after those, and after 20 more views (10 Lineage, 10 DHCP HA; goal ≤ 250 MB).
 *
 * Ports: BENCH_APP_PORT (3131), BENCH_SIM_PORT (5136). Writes bench/results/scale-views.json (gitignored).
 */
import { chromium, type Page } from "@playwright/test";
import { report } from "./harness";
import { memoryOf } from "./ui/processes";
import { summarise } from "./ui/report";
import { runViews } from "./ui/runner";
import { startSimTarget } from "./ui/targets";
import { listView, MARKERS, signInViaApi } from "./ui/views";

const runs = Number(process.env.BENCH_RUNS ?? 3);
const appPort = Number(process.env.BENCH_APP_PORT ?? 3131);
const simPort = Number(process.env.BENCH_SIM_PORT ?? 5136);
/** A cold Lineage gather at scale reads thousands of RBD images: minutes on a loaded machine. */
const GATHER_MS = 15 * 60_000;
const VIEWS = {
  instances: listView("instances", "/project/instances", MARKERS.instances),
  dhcp: listView("DHCP HA (admin)", "/admin/dhcp", MARKERS.dhcp, GATHER_MS),
  lineage: listView("Lineage (admin)", "/admin/lineage", MARKERS.lineage, GATHER_MS),
};

const log = (s: string) => console.log(s);
const t0 = Date.now();
log("scale-views: starting the scale sim and next start…");
const target = await startSimTarget(simPort, appPort, "scale");
const browser = await chromium.launch({
  executablePath: process.env.E2E_CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
});
const rows: Record<string, unknown>[] = [];
const rss = (label: string) => {
  const pid = target.nextServerPid();
  const m = pid ? memoryOf(pid) : undefined;
  rows.push({ step: `next-server RSS ${label}`, value: m ? `${m.rssMiB} MiB (peak ${m.peakMiB})` : "unknown" });
};
/** One view in a page that is already signed in: ms from navigation to the view's first row. */
async function timed(page: Page, path: string, marker: string): Promise<number> {
  const start = Date.now();
  await page.goto(path, { waitUntil: "commit", timeout: GATHER_MS });
  await page.waitForSelector(marker, { state: "attached", timeout: GATHER_MS });
  return Date.now() - start;
}

try {
  log(`scale-views: up after ${Math.round((Date.now() - t0) / 1000)} s`);
  rss("at start");
  const context = await browser.newContext({ baseURL: target.appUrl, viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await signInViaApi(page, target.who);
  for (const [name, path, marker] of [
    ["Lineage", "/admin/lineage", MARKERS.lineage],
    ["DHCP HA", "/admin/dhcp", MARKERS.dhcp],
  ] as const) {
    const mark = await target.counter.mark();
    const ms = await timed(page, path, marker);
    const up = await target.counter.since(mark);
    rows.push({
      step: `${name}: first view on a fresh app (facts gathered)`,
      value: `${ms} ms to the first row, ${up.total} upstream calls`,
    });
    log(`  ${name} first view: ${ms} ms, ${up.total} upstream calls`);
  }
  rss("after the first views");

  const results = await runViews(browser, [VIEWS.instances, VIEWS.dhcp, VIEWS.lineage], target, runs, log);
  const summaries = summarise(results);
  const median = (view: string, mode: string) => summaries.find((s) => s.view === view && s.mode === mode)?.dataVisibleMs.median ?? null;
  for (const s of summaries)
    rows.push({
      step: `${s.view} (${s.mode}): first row, median [min–max] of ${runs}`,
      value: `${s.dataVisibleMs.median} ms [${s.dataVisibleMs.min}–${s.dataVisibleMs.max}], ${s.kib.median} KiB, ${s.upstream.median} upstream${s.errors.length ? `, errors: ${s.errors.join("; ")}` : ""}`,
    });
  for (const mode of ["cold", "warm"])
    for (const v of [VIEWS.dhcp.name, VIEWS.lineage.name]) {
      const base = median(VIEWS.instances.name, mode);
      const x = median(v, mode);
      rows.push({
        step: `${v} ÷ instances (${mode}, goal ≤ 1.5)`,
        value: base && x ? (Math.round((x / base) * 100) / 100).toString() : "n/a",
      });
    }
  rss(`after ${runs} cold and warm runs of each view`);

  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    const [path, marker] = i % 2 ? ["/admin/dhcp", MARKERS.dhcp] : ["/admin/lineage", MARKERS.lineage];
    times.push(await timed(page, path, marker));
  }
  rows.push({ step: "20 more views (Lineage, DHCP HA alternately)", value: `${times.join(", ")} ms` });
  rss("after 20 more views (goal ≤ 250 MB)");
  await context.close();
} finally {
  await browser.close();
  await target.stop();
}
report("scale-views", rows);
log(`scale-views: done in ${Math.round((Date.now() - t0) / 1000)} s`);
