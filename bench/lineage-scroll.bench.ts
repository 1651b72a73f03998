/**
 * Issue 13's "virtualized rows: 10,000 rows scroll smoothly", on the one virtualized list: Lineage's clone tree
 * (components/lineage/lineage-tree.tsx, @tanstack/react-virtual). The resource lists are not virtualized and never
 * need to be: they page upstream at 20 rows (lib/list-state.ts PAGE_SIZE; the BFF's `limit` stops at 200).
 *
 * On the sim's `servers-<N>` scenario (BENCH_SCROLL_ROWS, 10000: N servers whose root disks are clones of
 * centos-7-raw, so its tree has N + the default cloud's rows), in Debian's Chromium through `next start` (run
 * `npx next build` first), as admin:
 * 1. the gather: Lineage's first answer reads at most 5,000 RBD images, so views are repeated past the shared 30 s
 *    until a gather (behind the shown facts) has read them all (upstream calls and seconds reported);
 * 2. the centos-7-raw tree opened: ms from the click to the first row, the tree answer's size, rows in the DOM;
 * 3. BENCH_RUNS (3) scripted scrolls of the tree's box, in the page: a steady scroll of 2,000 rows at 240 px a frame,
 *    then 20 jumps across the whole tree (as a scrollbar drag does), then the End key to the last row. Per scroll:
 *    frame intervals (requestAnimationFrame) over 50 ms, p95 and longest; long tasks and long animation frames
 *    (PerformanceObserver); the most tree rows in the DOM at once; whether the last row was reached.
 * Reported, not asserted. Ports: BENCH_APP_PORT (3131), BENCH_SIM_PORT (5136).
 * Writes bench/results/lineage-scroll.{json,md} (committed: the latest run).
 */
import type { Page } from "@playwright/test";
import { launchChromium } from "./chromium";
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { installStallProbe, readStalls, stallsIn, type StallSummary } from "./ui/long-tasks";
import { resultsDir } from "./ui/report";
import { fmt, spread } from "./ui/stats";
import { startSimTarget } from "./ui/targets";
import { signInViaApi } from "./ui/views";

const rows = Number(process.env.BENCH_SCROLL_ROWS ?? 10_000);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const appPort = Number(process.env.BENCH_APP_PORT ?? 3131);
const simPort = Number(process.env.BENCH_SIM_PORT ?? 5136);
const IMAGE = "centos-7-raw";
const SHARED_MS = 30_000;
const log = (s: string) => console.log(s);

interface Scroll {
  phase: string;
  frames: number;
  over50: number;
  p95Ms: number;
  maxMs: number;
  maxRowsInDom: number;
  reachedEnd: boolean;
  ms: number;
  start: number;
}
interface Run {
  scrolls: Scroll[];
  longTasks: StallSummary;
  frames: StallSummary;
}

/**
 * The scroll script, run in the page: each phase's frame intervals and the most tree rows rendered at once. A string,
 * not a function: tsx's esbuild wraps named functions in a helper the page lacks.
 */
const SCROLL = `(async () => {
  const box = document.querySelector('[data-testid="lineage-tree-scroll"]');
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  const items = () => box.querySelectorAll('[role="treeitem"]');
  const out = [];
  const phase = async (name, steps, step) => {
    const times = [await frame()];
    let most = 0;
    const start = performance.now();
    for (let i = 0; i < steps; i++) {
      step(i);
      times.push(await frame());
      most = Math.max(most, items().length);
    }
    // Two more frames: what the last step rendered.
    times.push(await frame(), await frame());
    const gaps = times.slice(1).map((t, i) => t - times[i]);
    const sorted = [...gaps].sort((a, b) => a - b);
    const last = [...items()].at(-1);
    out.push({
      phase: name,
      frames: gaps.length,
      over50: gaps.filter((g) => g > 50).length,
      p95Ms: Math.round(sorted[Math.floor(sorted.length * 0.95)] ?? 0),
      maxMs: Math.round(sorted.at(-1) ?? 0),
      maxRowsInDom: most,
      reachedEnd: !!last && last.getAttribute("aria-posinset") === last.getAttribute("aria-setsize"),
      ms: Math.round(performance.now() - start),
      start,
    });
  };
  box.scrollTop = 0;
  await frame();
  await phase("steady: 2,000 rows at 240 px a frame", Math.ceil((2000 * 36) / 240), () => {
    box.scrollTop += 240;
  });
  const span = box.scrollHeight - box.clientHeight;
  await phase("20 jumps across the tree", 20, (i) => {
    box.scrollTop = Math.round((span * ((i * 7) % 20)) / 19);
  });
  box.scrollTop = 0;
  await frame();
  box.querySelector('[role="treeitem"]').focus();
  await phase("End key to the last row", 1, () => {
    document.activeElement.dispatchEvent(new KeyboardEvent("keydown", { key: "End", bubbles: true }));
  });
  return out;
})()`;

const scrollTree = (page: Page) => page.evaluate(SCROLL) as Promise<Scroll[]>;

const t0 = Date.now();
log(`lineage-scroll: starting the servers-${rows} sim and next start…`);
const target = await startSimTarget(simPort, appPort, `servers-${rows}`);
const browser = await launchChromium();
const gather: Record<string, unknown>[] = [];
const results: Run[] = [];
const tree: Record<string, unknown> = {};
try {
  const context = await browser.newContext({ baseURL: target.appUrl, viewport: { width: 1440, height: 900 } });
  await installStallProbe(context);
  const page = await context.newPage();
  await signInViaApi(page, target.who);
  // 1. Views until a gather has read every RBD image (the first one a viewer waits for stops at 5,000).
  type Answer = { regathering: boolean; coverage: { read: number; listed: number | null; truncated: boolean } };
  // While a gather runs behind, the BFF's event loop stalls: a poll on a kept-alive connection can meet the server
  // closing it (ECONNRESET). Such a GET is tried again, and counted.
  let resets = 0;
  const view = async (): Promise<Answer> => {
    for (let attempt = 0; ; attempt++)
      try {
        return (await (await page.request.get("/api/admin/lineage", { timeout: 15 * 60_000 })).json()) as Answer;
      } catch (err) {
        if (attempt >= 3 || !String(err).includes("ECONNRESET")) throw err;
        resets++;
      }
  };
  for (let i = 0; i < 8; i++) {
    const mark = await target.counter.mark();
    const started = Date.now();
    let a = await view();
    const first = a.regathering;
    while (a.regathering) {
      await new Promise((r) => setTimeout(r, 2000));
      a = await view();
    }
    const up = await target.counter.since(mark);
    gather.push({
      view: i + 1,
      seconds: Math.round((Date.now() - started) / 100) / 10,
      behind: first,
      read: a.coverage.read,
      listed: a.coverage.listed,
      complete: !a.coverage.truncated,
      upstream: up.total,
      byService: up.byService,
      resets,
    });
    log(`  lineage view ${i + 1}: ${JSON.stringify(gather.at(-1))}`);
    if (!a.coverage.truncated) break;
    await new Promise((r) => setTimeout(r, SHARED_MS + 500));
  }

  // 2. The tree.
  await page.goto("/admin/lineage");
  await page.locator("html[data-hydrated]").waitFor({ state: "attached", timeout: 60_000 });
  await page.getByRole("searchbox", { name: /^(Filter images by name or id|按名称或 ID 筛选镜像)$/ }).fill(IMAGE);
  const open = page.getByRole("button", { name: new RegExp(`^(Open the clone tree of ${IMAGE}|展开 ${IMAGE} 的克隆树)$`) });
  const clicked = Date.now();
  await open.click();
  const item = page.getByRole("tree", { name: new RegExp(`^(Clone tree of ${IMAGE}|${IMAGE} 的克隆树)$`) }).getByRole("treeitem");
  await item.first().waitFor({ timeout: 120_000 });
  tree.openMs = Date.now() - clicked;
  tree.rows = Number(await item.first().getAttribute("aria-setsize"));
  tree.rowsInDom = await item.count();
  tree.answerKiB = await page.evaluate(() => {
    const r = (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).filter((e) =>
      e.name.includes("/api/admin/lineage/tree"),
    );
    return r.length ? Math.round(r.at(-1)!.encodedBodySize / 102.4) / 10 : null;
  });
  log(`  tree: ${JSON.stringify(tree)}`);

  // 3. The scrolls.
  for (let i = 0; i < runs; i++) {
    const scrolls = await scrollTree(page);
    const from = scrolls[0].start;
    const stalls = await readStalls(page);
    results.push({
      scrolls,
      longTasks: stallsIn(stalls, "longtask", from, Number.POSITIVE_INFINITY),
      frames: stallsIn(stalls, "frame", from, Number.POSITIVE_INFINITY),
    });
    log(`  scroll #${i + 1}: ${JSON.stringify(results.at(-1))}`);
  }
  await context.close();
} finally {
  await browser.close();
  await target.stop();
}

const phases = results[0]?.scrolls.map((s) => s.phase) ?? [];
const cell = (pick: (s: Scroll) => number) => (phase: string) =>
  fmt(spread(results.map((r) => r.scrolls.find((s) => s.phase === phase)).map((s) => (s ? pick(s) : null))));
const table = phases.map((phase) => ({
  scroll: phase,
  frames: cell((s) => s.frames)(phase),
  "frames over 50 ms": cell((s) => s.over50)(phase),
  "p95 frame (ms)": cell((s) => s.p95Ms)(phase),
  "longest frame (ms)": cell((s) => s.maxMs)(phase),
  "most rows in the DOM": cell((s) => s.maxRowsInDom)(phase),
  "took (ms)": cell((s) => s.ms)(phase),
  "reached the last row": results.map((r) => (r.scrolls.find((s) => s.phase === phase)?.reachedEnd ? "yes" : "no")).join(", "),
}));
const whole = {
  "long tasks (count)": fmt(spread(results.map((r) => r.longTasks.count))),
  "long tasks (total ms)": fmt(spread(results.map((r) => r.longTasks.totalMs))),
  "longest task (ms)": fmt(spread(results.map((r) => r.longTasks.maxMs))),
  "long animation frames (count)": fmt(spread(results.map((r) => r.frames.count))),
};
const root = new URL("..", import.meta.url).pathname;
const about = {
  at: new Date().toISOString(),
  commit: spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).stdout.trim(),
  scenario: `servers-${rows}`,
  runs,
  cpus: cpus().length,
  loadAverage: loadavg().map((x) => Math.round(x * 10) / 10),
  seconds: Math.round((Date.now() - t0) / 1000),
};
console.table(gather);
console.table(table);
console.table(whole);
const mdTable = (xs: Record<string, unknown>[]) =>
  xs.length
    ? [
        `| ${Object.keys(xs[0]).join(" | ")} |`,
        `| ${Object.keys(xs[0])
          .map(() => "---")
          .join(" | ")} |`,
        ...xs.map(
          (x) =>
            `| ${Object.values(x)
              .map((v) => (typeof v === "object" ? JSON.stringify(v) : String(v)))
              .join(" | ")} |`,
        ),
      ]
    : ["(none)"];
const md = [
  `# Lineage tree scroll, ${Number(tree.rows ?? rows).toLocaleString("en")} rows (\`npx tsx bench/lineage-scroll.bench.ts\`)`,
  "",
  `${about.at}, commit ${about.commit}, ${about.cpus} CPUs, load average ${about.loadAverage.join(" / ")}; scenario \`${about.scenario}\`, admin; ${runs} scrolls, median (range). Reported, not asserted.`,
  "",
  "## Gather (views until every RBD image was read)",
  "",
  ...mdTable(gather),
  "",
  `## The ${IMAGE} tree`,
  "",
  `Opened in ${tree.openMs} ms (click → first row); ${tree.rows} rows, ${tree.rowsInDom} of them in the DOM; the tree answer ${tree.answerKiB} KiB.`,
  "",
  "## Scrolls",
  "",
  ...mdTable(table),
  "",
  ...mdTable([whole]),
].join("\n");
writeFileSync(join(resultsDir, "lineage-scroll.md"), `${md}\n`);
writeFileSync(join(resultsDir, "lineage-scroll.json"), `${JSON.stringify({ about, gather, tree, results }, null, 2)}\n`);
log(`\n${md}\nlineage-scroll: done in ${about.seconds} s`);
