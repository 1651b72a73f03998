import { existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { freePort, memoryOf } from "./ui/processes";
import { startSimTarget } from "./ui/targets";

/**
 * Load: LOAD_SESSIONS (200) signed-in admin sessions poll the instances list (GET /api/instances) and the DHCP HA
 * view (GET /api/admin/dhcp) for LOAD_SECONDS (60 s) against a fresh sim, through the production server (`next
 * start` on the built .next/; run `npx next build` first), all on 127.0.0.1. A bounded, closed loop: each session has
 * one request in flight at a time and sends the next when the answer is read (LOAD_THINK_MS between, default 0), so
 * at most LOAD_SESSIONS requests are open at once. Reports errors (any non-200 or failed request; goal 0), p50/p99
 * latency per view, throughput, and the next-server's RSS (sampled each second: at start, peak, end). Ports:
 * LOAD_APP_PORT / LOAD_SIM_PORT, else BENCH_APP_PORT / BENCH_SIM_PORT, else free ones.
 * Results: bench/results/poll-load.json (gitignored) and the committed bench/results/poll-load-<date>.md. Asserts nothing.
 */
const SESSIONS = Number(process.env.LOAD_SESSIONS ?? 200);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const THINK_MS = Number(process.env.LOAD_THINK_MS ?? 0);
const VIEWS = [
  { name: "instances", path: "/api/instances?limit=25" },
  { name: "dhcp-ha", path: "/api/admin/dhcp" },
] as const;
const root = new URL("..", import.meta.url).pathname;

/** CPU seconds (user + system) a process has used, from /proc/<pid>/stat (clock ticks of 1/100 s). */
function cpuSeconds(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return null;
  }
}

/** The embedded cloud this bench started (its own process): `sim/main.ts` run from this checkout. */
function simPid(): number | undefined {
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (!readFileSync(`/proc/${entry}/cmdline`, "utf8").includes("sim/main.ts")) continue;
      if (readlinkSync(`/proc/${entry}/cwd`) !== root.replace(/\/$/, "")) continue;
      if (!readFileSync(`/proc/${entry}/environ`, "utf8").split("\0").includes(`SIM_PORT=${simPort}`)) continue;
      return Number(entry);
    } catch {
      /* not ours, or gone */
    }
  }
  return undefined;
}

/** The q-th quantile (0–1) of sorted samples, nearest rank. */
export function quantile(sorted: number[], q: number): number | null {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

if (!existsSync(join(root, ".next", "BUILD_ID"))) {
  console.error("load bench: no production build; run `npx next build` first");
  process.exit(1);
}
const simPort = Number(process.env.LOAD_SIM_PORT ?? process.env.BENCH_SIM_PORT ?? (await freePort()));
const appPort = Number(process.env.LOAD_APP_PORT ?? process.env.BENCH_APP_PORT ?? (await freePort()));
const target = await startSimTarget(simPort, appPort);
const base = target.appUrl;

try {
  // Sign in every session first (ten at a time), each with its own token and cookie.
  const cookies: string[] = [];
  const signInStart = performance.now();
  for (let i = 0; i < SESSIONS; i += 10) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(10, SESSIONS - i) }, async () => {
        const res = await fetch(`${base}/api/auth/login`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-zenith-request": "1" },
          body: JSON.stringify({ ...target.who, project: "admin" }),
        });
        if (res.status !== 200) throw new Error(`sign-in: ${res.status} ${await res.text()}`);
        await res.arrayBuffer();
        return res.headers
          .getSetCookie()
          .map((c) => c.split(";")[0])
          .join("; ");
      }),
    );
    cookies.push(...batch);
  }
  const signInSeconds = (performance.now() - signInStart) / 1000;

  const pid = target.nextServerPid();
  const rss: { t: number; rssMiB: number; peakMiB: number }[] = [];
  const sample = () => {
    const m = pid ? memoryOf(pid) : undefined;
    if (m) rss.push({ t: Math.round((performance.now() - t0) / 1000), ...m });
  };
  const latencies: Record<string, number[]> = Object.fromEntries(VIEWS.map((v) => [v.name, []]));
  /** Latencies of requests that started after the first WARM_S seconds (the first round meets cold caches all at once). */
  const steady: number[] = [];
  const WARM_S = 10;
  const errors: Record<string, number> = {};
  const errorSamples: string[] = [];
  const sim = simPid();
  const cpu0 = cpuSeconds(pid);
  const simCpu0 = cpuSeconds(sim);
  const clientCpu0 = process.cpuUsage();
  const t0 = performance.now();
  sample();
  const sampler = setInterval(sample, 1000);
  const deadline = t0 + SECONDS * 1000;

  await Promise.all(
    cookies.map(async (cookie, i) => {
      let n = i; // sessions start on different views
      while (performance.now() < deadline) {
        const view = VIEWS[n++ % VIEWS.length];
        const start = performance.now();
        try {
          const res = await fetch(`${base}${view.path}`, { headers: { cookie, accept: "application/json" } });
          const body = await res.text();
          if (res.status === 200) {
            latencies[view.name].push(performance.now() - start);
            if (start - t0 >= WARM_S * 1000) steady.push(performance.now() - start);
          } else {
            errors[`${view.name} ${res.status}`] = (errors[`${view.name} ${res.status}`] ?? 0) + 1;
            if (errorSamples.length < 10) errorSamples.push(`${view.name} ${res.status} ${body.slice(0, 200)}`);
          }
        } catch (e) {
          const kind = `${view.name} ${(e as Error).cause ? String((e as Error & { cause: { code?: string } }).cause.code ?? (e as Error).message) : (e as Error).message}`;
          errors[kind] = (errors[kind] ?? 0) + 1;
          if (errorSamples.length < 10) errorSamples.push(kind);
        }
        if (THINK_MS) await new Promise((r) => setTimeout(r, THINK_MS));
      }
    }),
  );
  clearInterval(sampler);
  sample();
  const elapsed = (performance.now() - t0) / 1000;
  const cpu1 = cpuSeconds(pid);
  const nextCpu = cpu0 !== null && cpu1 !== null ? +((cpu1 - cpu0) / elapsed).toFixed(2) : null;
  const simCpu1 = cpuSeconds(sim);
  const simCpu = simCpu0 !== null && simCpu1 !== null ? +((simCpu1 - simCpu0) / elapsed).toFixed(2) : null;
  const c = process.cpuUsage(clientCpu0);
  const clientCpu = +((c.user + c.system) / 1e6 / elapsed).toFixed(2);
  const load = loadavg()[0];

  const rows = VIEWS.map((v) => {
    const xs = latencies[v.name].sort((a, b) => a - b);
    const errs = Object.entries(errors)
      .filter(([k]) => k.startsWith(`${v.name} `))
      .reduce((s, [, n]) => s + n, 0);
    return {
      view: `${v.name} (GET ${v.path})`,
      ok: xs.length,
      errors: errs,
      reqPerSec: +(xs.length / elapsed).toFixed(1),
      p50ms: +(quantile(xs, 0.5) ?? NaN).toFixed(0),
      p99ms: +(quantile(xs, 0.99) ?? NaN).toFixed(0),
      maxMs: +(xs.at(-1) ?? NaN).toFixed(0),
    };
  });
  const all = Object.values(latencies)
    .flat()
    .sort((a, b) => a - b);
  const totalErrors = Object.values(errors).reduce((s, n) => s + n, 0);
  rows.push({
    view: "all",
    ok: all.length,
    errors: totalErrors,
    reqPerSec: +(all.length / elapsed).toFixed(1),
    p50ms: +(quantile(all, 0.5) ?? NaN).toFixed(0),
    p99ms: +(quantile(all, 0.99) ?? NaN).toFixed(0),
    maxMs: +(all.at(-1) ?? NaN).toFixed(0),
  });
  steady.sort((a, b) => a - b);
  rows.push({
    view: `all, started after the first ${WARM_S} s`,
    ok: steady.length,
    errors: totalErrors,
    reqPerSec: +(steady.length / (elapsed - WARM_S)).toFixed(1),
    p50ms: +(quantile(steady, 0.5) ?? NaN).toFixed(0),
    p99ms: +(quantile(steady, 0.99) ?? NaN).toFixed(0),
    maxMs: +(steady.at(-1) ?? NaN).toFixed(0),
  });
  const memory = {
    pid: pid ?? null,
    startMiB: rss[0]?.rssMiB ?? null,
    maxMiB: rss.length ? Math.max(...rss.map((r) => r.rssMiB)) : null,
    endMiB: rss.at(-1)?.rssMiB ?? null,
    peakHwmMiB: rss.at(-1)?.peakMiB ?? null,
  };
  console.table(rows);
  console.log(
    `sessions ${SESSIONS} (signed in in ${signInSeconds.toFixed(1)} s), ${elapsed.toFixed(1)} s of polling, errors ${totalErrors} ${JSON.stringify(errors)}`,
  );
  console.log(
    `CPU, cores on average over the run: next-server ${nextCpu}, sim ${simCpu}, this load generator ${clientCpu}; machine load average (1 min) at the end ${load.toFixed(1)}`,
  );
  console.log(`next-server RSS (MiB): start ${memory.startMiB}, max ${memory.maxMiB}, end ${memory.endMiB}, VmHWM ${memory.peakHwmMiB}`);
  if (errorSamples.length) console.log(`first errors:\n  ${errorSamples.join("\n  ")}`);

  const results = join(root, "bench", "results");
  mkdirSync(results, { recursive: true });
  const at = new Date().toISOString();
  const about = {
    at,
    sessions: SESSIONS,
    seconds: SECONDS,
    thinkMs: THINK_MS,
    target: "sim (default scenario) through next start",
    cores: (await import("node:os")).cpus().length,
  };
  writeFileSync(
    join(results, "poll-load.json"),
    `${JSON.stringify({ about, rows, errors, errorSamples, memory, rss, signInSeconds, cpu: { next: nextCpu, sim: simCpu, client: clientCpu }, load }, null, 2)}\n`,
  );
  const md = [
    `# Load: ${SESSIONS} sessions × ${SECONDS} s (${at.slice(0, 10)})`,
    "",
    `\`npm run bench -- poll-load\`: ${SESSIONS} admin sessions, each a closed loop (one request in flight, think time ${THINK_MS} ms) over the instances list and the DHCP HA view, against a fresh sim (default scenario) through \`next start\`, all on 127.0.0.1; ${about.cores} cores shared with other work, so times are this machine's at that moment.`,
    "",
    "| view | ok | errors | req/s | p50 ms | p99 ms | max ms |",
    "|---|---|---|---|---|---|---|",
    ...rows.map((r) => `| ${r.view} | ${r.ok} | ${r.errors} | ${r.reqPerSec} | ${r.p50ms} | ${r.p99ms} | ${r.maxMs} |`),
    "",
    `Errors: ${totalErrors}${totalErrors ? ` ${JSON.stringify(errors)}` : ""}. Sign-in of the ${SESSIONS} sessions: ${signInSeconds.toFixed(1)} s.`,
    "",
    `CPU, cores on average over the run (of ${about.cores}): next-server ${nextCpu}, the sim ${simCpu}, the load generator ${clientCpu}; machine load average (1 min) at the end: ${load.toFixed(1)}.`,
    "",
    `next-server RSS (MiB): ${memory.startMiB} at the start of polling, ${memory.maxMiB} at most, ${memory.endMiB} at the end (VmHWM ${memory.peakHwmMiB}).`,
    "",
  ].join("\n");
  writeFileSync(join(results, `poll-load-${at.slice(0, 10)}.md`), md);
} finally {
  await target.stop();
}
