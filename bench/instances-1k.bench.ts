/**
 * Issue 13's "instances page with 1,000 servers, from navigation to interactive", in Debian's Chromium through
 * `next start` (run `npx next build` first) on the sim's `servers-<N>` scenario (the default cloud plus N servers in
 * the demo project; BENCH_SERVERS, 1000), signed in as demo. Each of BENCH_RUNS (5) runs is cold (a new browser
 * context and a fresh sign-in: the BFF validates the new token) then warm (the same context navigates again).
 * Per run, from the navigation's start:
 * - the document's first byte, the first instance row in the DOM, React hydrated (`html[data-hydrated]`);
 * - interactive: the search box takes a server's name as soon as the row and hydration are there, Enter, and the
 *   table answers with that one row (the BFF walks Nova's list to search: the answer depends on N);
 * - long tasks and long animation frames (> 50 ms) before the typing, during the search, and when the last ended;
 * - browser requests, DOM rows and elements, and upstream calls (the sim's own counter) for the view and the search.
 * It reports, it asserts nothing. Ports: BENCH_APP_PORT (3131), BENCH_SIM_PORT (5136).
 * Writes bench/results/instances-1k.{json,md} (committed: the latest run).
 */
import type { Page } from "@playwright/test";
import { launchChromium } from "./chromium";
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { installStallProbe, readStalls, stallsIn, type StallSummary } from "./ui/long-tasks";
import { installProbe, NetworkWatch } from "./ui/page-probe";
import { resultsDir } from "./ui/report";
import { fmt, spread } from "./ui/stats";
import { startSimTarget } from "./ui/targets";
import type { UpstreamCount } from "./ui/upstream";
import { signInViaApi, type Mode } from "./ui/views";

const servers = Number(process.env.BENCH_SERVERS ?? 1000);
const runs = Number(process.env.BENCH_RUNS ?? 5);
const appPort = Number(process.env.BENCH_APP_PORT ?? 3131);
const simPort = Number(process.env.BENCH_SIM_PORT ?? 5136);
const PATH = "/project/instances";
const ROW = '[data-testid^="instance-row-"]';
/** A crowd server in the middle of the list (by age), far past the first page. */
const wanted = `crowd-vm-${String(Math.floor(servers / 2)).padStart(5, "0")}`;
const demo = { username: "demo", password: process.env.ZENITH_DEMO_PASSWORD ?? "zenith-demo" };
const log = (s: string) => console.log(s);

interface Sample {
  mode: Mode;
  ttfbMs?: number | null;
  firstRowMs?: number | null;
  hydratedMs?: number | null;
  /** When the name was typed (ms since navigation). */
  typedMs?: number;
  /** Enter → the table shows the one matching row. */
  searchMs?: number;
  /** Navigation → the search answered: when the page had done what the user asked of it first. */
  interactiveMs?: number;
  loadLongTasks?: StallSummary;
  loadFrames?: StallSummary;
  searchLongTasks?: StallSummary;
  /** When the last long task ended, once the page was quiet after the search (ms since navigation). */
  lastLongTaskEndMs?: number | null;
  rowsInDom?: number;
  elementsInDom?: number;
  requests?: number;
  upstreamView?: UpstreamCount;
  upstreamSearch?: UpstreamCount;
  error?: string;
}

const now = (page: Page) => page.evaluate(() => performance.now());

async function measure(
  page: Page,
  mode: Mode,
  counter: { mark(): Promise<unknown>; since(m: unknown): Promise<UpstreamCount> },
  watch: NetworkWatch,
): Promise<Sample> {
  const s: Sample = { mode };
  const mark = await counter.mark();
  watch.reset();
  await page.goto(PATH, { waitUntil: "commit" });
  await page.waitForSelector(ROW, { state: "attached", timeout: 60_000 });
  await page.locator("html[data-hydrated]").waitFor({ state: "attached", timeout: 60_000 });
  const dom = await page.evaluate(() => ({
    rows: document.querySelectorAll('[data-testid^="instance-row-"]').length,
    elements: document.getElementsByTagName("*").length,
  }));
  s.rowsInDom = dom.rows;
  s.elementsInDom = dom.elements;
  const search = page.getByRole("searchbox");
  await search.fill(wanted);
  s.typedMs = Math.round(await now(page));
  s.upstreamView = await counter.since(mark);
  const searchMark = await counter.mark();
  const entered = await page.evaluate(() => performance.now());
  await search.press("Enter");
  const answered = await page.waitForFunction(
    (name) => {
      const rows = document.querySelectorAll('[data-testid^="instance-row-"]');
      return rows.length === 1 && rows[0].getAttribute("data-testid") === `instance-row-${name}` ? performance.now() : false;
    },
    wanted,
    { polling: "raf", timeout: 120_000 },
  );
  const at = (await answered.jsonValue()) as number;
  s.searchMs = Math.round(at - entered);
  s.interactiveMs = Math.round(at);
  await watch.idle(1000, 30_000);
  s.upstreamSearch = await counter.since(searchMark);
  s.requests = watch.requests;
  const probe = await page.evaluate(() => {
    const seen = (window as unknown as { __bench: { seen: Record<string, number> } }).__bench.seen;
    const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
    return {
      seen,
      ttfb: nav ? nav.responseStart : null,
    };
  });
  s.ttfbMs = probe.ttfb === null ? null : Math.round(probe.ttfb);
  s.firstRowMs = probe.seen.row === undefined ? null : Math.round(probe.seen.row);
  s.hydratedMs = probe.seen.hydrated === undefined ? null : Math.round(probe.seen.hydrated);
  const stalls = await readStalls(page);
  s.loadLongTasks = stallsIn(stalls, "longtask", 0, s.typedMs);
  s.loadFrames = stallsIn(stalls, "frame", 0, s.typedMs);
  s.searchLongTasks = stallsIn(stalls, "longtask", entered, Number.POSITIVE_INFINITY);
  s.lastLongTaskEndMs = stallsIn(stalls, "longtask", 0, Number.POSITIVE_INFINITY).lastEndMs;
  return s;
}

const t0 = Date.now();
log(`instances-1k: starting the servers-${servers} sim and next start…`);
const target = await startSimTarget(simPort, appPort, `servers-${servers}`);
const browser = await launchChromium();
const samples: Sample[] = [];
try {
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ baseURL: target.appUrl, viewport: { width: 1440, height: 900 } });
    await installProbe(context, { row: ROW, hydrated: "html[data-hydrated]" });
    await installStallProbe(context);
    const page = await context.newPage();
    const watch = new NetworkWatch(page);
    try {
      for (const mode of ["cold", "warm"] as Mode[]) {
        let s: Sample = { mode };
        try {
          if (mode === "cold") await signInViaApi(page, demo);
          s = await measure(page, mode, target.counter, watch);
        } catch (err) {
          s.error = err instanceof Error ? err.message.split("\n")[0] : String(err);
        }
        samples.push(s);
        log(
          `  #${i + 1} ${mode}: ${s.error ? `error: ${s.error}` : `first row ${s.firstRowMs} ms, hydrated ${s.hydratedMs} ms, search answered ${s.interactiveMs} ms (${s.searchMs} after Enter), long tasks ${s.loadLongTasks?.count}/${s.loadLongTasks?.totalMs} ms, upstream ${s.upstreamView?.total} + ${s.upstreamSearch?.total}`}`,
        );
      }
    } finally {
      await context.close();
    }
  }
} finally {
  await browser.close();
  await target.stop();
}

const ok = (mode: Mode) => samples.filter((s) => s.mode === mode && !s.error);
const row = (label: string, pick: (s: Sample) => number | null | undefined, unit = " ms") => ({
  measure: label,
  cold: fmt(spread(ok("cold").map(pick)), unit),
  warm: fmt(spread(ok("warm").map(pick)), unit),
});
const byService = (pick: (s: Sample) => UpstreamCount | undefined) => (mode: Mode) => {
  const xs = ok(mode);
  const services = [...new Set(xs.flatMap((s) => Object.keys(pick(s)?.byService ?? {})))].sort();
  return services.map((svc) => `${svc} ${spread(xs.map((s) => pick(s)?.byService[svc] ?? 0)).median}`).join(", ") || "none";
};
const table = [
  row("TTFB (document)", (s) => s.ttfbMs),
  row("first row in the DOM", (s) => s.firstRowMs),
  row("hydrated", (s) => s.hydratedMs),
  row("name typed in the search box", (s) => s.typedMs),
  row("Enter → the table shows the one match", (s) => s.searchMs),
  row("navigation → search answered (interactive)", (s) => s.interactiveMs),
  row("long tasks before typing (count)", (s) => s.loadLongTasks?.count, ""),
  row("long tasks before typing (total)", (s) => s.loadLongTasks?.totalMs),
  row("longest task before typing", (s) => s.loadLongTasks?.maxMs),
  row("frames over 50 ms before typing", (s) => s.loadFrames?.count, ""),
  row("long tasks during the search (count)", (s) => s.searchLongTasks?.count, ""),
  row("last long task ended", (s) => s.lastLongTaskEndMs),
  row("browser requests (view + search)", (s) => s.requests, ""),
  row("instance rows in the DOM (first page)", (s) => s.rowsInDom, ""),
  row("elements in the DOM (first page)", (s) => s.elementsInDom, ""),
  row("upstream calls: view", (s) => s.upstreamView?.total, ""),
  row("upstream calls: search", (s) => s.upstreamSearch?.total, ""),
  {
    measure: "upstream by service: view (median)",
    cold: byService((s) => s.upstreamView)("cold"),
    warm: byService((s) => s.upstreamView)("warm"),
  },
  {
    measure: "upstream by service: search (median)",
    cold: byService((s) => s.upstreamSearch)("cold"),
    warm: byService((s) => s.upstreamSearch)("warm"),
  },
];
const root = new URL("..", import.meta.url).pathname;
const about = {
  at: new Date().toISOString(),
  commit: spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).stdout.trim(),
  scenario: `servers-${servers}`,
  runs,
  searched: wanted,
  cpus: cpus().length,
  loadAverage: loadavg().map((x) => Math.round(x * 10) / 10),
  chromium: "Debian /usr/bin/chromium",
  seconds: Math.round((Date.now() - t0) / 1000),
};
console.table(table);
const md = [
  `# instances page with ${servers.toLocaleString("en")} servers (\`npx tsx bench/instances-1k.bench.ts\`)`,
  "",
  `${about.at}, commit ${about.commit}, ${about.cpus} CPUs, load average ${about.loadAverage.join(" / ")}; scenario \`${about.scenario}\`, signed in as demo; median (range) of ${runs} runs; the search looks for \`${wanted}\`. Reported, not asserted.`,
  "",
  "| measure | cold | warm |",
  "| --- | --- | --- |",
  ...table.map((r) => `| ${r.measure} | ${r.cold} | ${r.warm} |`),
  "",
  ...samples.filter((s) => s.error).map((s) => `- error (${s.mode}): ${s.error}`),
].join("\n");
writeFileSync(join(resultsDir, "instances-1k.md"), `${md}\n`);
writeFileSync(join(resultsDir, "instances-1k.json"), `${JSON.stringify({ about, table, samples }, null, 2)}\n`);
log(`\n${md}\ninstances-1k: done in ${about.seconds} s`);
