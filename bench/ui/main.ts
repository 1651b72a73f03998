import { launchChromium } from "../chromium";
import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { cpus } from "node:os";
import { memoryOf } from "./processes";
import { linkLatest, readmePath } from "./readme-link";
import { markdown, resultsDir, summarise, writeResults } from "./report";
import { runViews } from "./runner";
import { realTierUp, startRealTarget, startSimTarget, type RunningTarget, type TargetName } from "./targets";
import { VIEWS } from "./views";

/**
 * npm run bench:ui [sim|real|sim,real]: Debian's Chromium through the production server (`next start`) on the
 * sim and on the real tier; reports timings, requests and upstream calls per view. It reports, it asserts nothing.
 * Env: BENCH_RUNS (5), BENCH_APP_PORT (3655; the real target uses the next port), BENCH_SIM_PORT (5655),
 * BENCH_BUILD=1 to rebuild even when .next/ exists.
 */
const root = new URL("../..", import.meta.url).pathname;
const wanted = (process.argv[2] ?? process.env.BENCH_TARGETS ?? "sim,real").split(",").map((s) => s.trim()) as TargetName[];
const runs = Number(process.env.BENCH_RUNS ?? 5);
const appPort = Number(process.env.BENCH_APP_PORT ?? 3655);
const simPort = Number(process.env.BENCH_SIM_PORT ?? 5655);
const log = (s: string) => console.log(s);

if (process.env.BENCH_BUILD === "1" || !existsSync(`${root}/.next/BUILD_ID`)) {
  log("bench:ui: building (next build)…");
  const b = spawnSync("npx", ["next", "build"], { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (b.status !== 0) process.exit(b.status ?? 1);
}

const browser = await launchChromium();
const commit = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).stdout.trim();
const machine = { commit, cpus: cpus().length, chromium: browser.version(), node: process.version };
let failed = false;
try {
  for (const name of wanted) {
    if (name === "real" && !realTierUp()) {
      log("bench:ui: real tier is not up (no endpoints.json); skipping it");
      continue;
    }
    if (name !== "sim" && name !== "real") throw new Error(`unknown target ${name} (sim, real)`);
    const started = Date.now();
    log(`bench:ui: ${name}`);
    let target: RunningTarget;
    try {
      target = name === "sim" ? await startSimTarget(simPort, appPort) : await startRealTarget(appPort + 1);
    } catch (err) {
      failed = true;
      log(`bench:ui: ${name} did not start: ${err instanceof Error ? err.message : err}`);
      continue;
    }
    // The servers run in their own process groups: an interrupted bench still stops them (and drops its Keystone user).
    const interrupted = () => void target.stop().finally(() => process.exit(130));
    process.once("SIGINT", interrupted);
    process.once("SIGTERM", interrupted);
    try {
      const pid = target.nextServerPid();
      const idleMemory = pid ? memoryOf(pid) : undefined;
      const results = await runViews(browser, VIEWS, target, runs, log);
      Object.assign(target.about, machine);
      const at = new Date();
      const summaries = summarise(results);
      const md = markdown(name, at.toISOString(), target.about, runs, summaries, results, idleMemory);
      const files = writeResults(
        name,
        at,
        {
          target: name,
          at: at.toISOString(),
          runs,
          about: target.about,
          nextServerAtStart: idleMemory,
          seconds: Math.round((Date.now() - started) / 1000),
          summaries,
          results,
        },
        md,
      );
      linkLatest(readmePath, resultsDir);
      log(`\n${md}\nbench:ui: ${name} done in ${Math.round((Date.now() - started) / 1000)} s: ${files.join(", ")}`);
    } finally {
      process.off("SIGINT", interrupted);
      process.off("SIGTERM", interrupted);
      await target.stop();
    }
  }
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
