import { execFileSync } from "node:child_process";
import { connect } from "node:net";
import { resolve } from "node:path";
import { Browser, type ScaleOut } from "../tests/scale-out/client";
import { report } from "./harness";
import { readFileSync } from "node:fs";

/**
 * 200 signed-in sessions polling through HAProxy (scripts/scale-out/harness.sh: two standalone replicas against the
 * sim), with both replicas in the backend and then with replica b disabled on HAProxy's runtime socket: per-request
 * latency p50/p99 and throughput for each. Reported, not asserted (two cores shared with everything else here).
 * Needs a `next build`; ports SCALE_OUT_PORT (4200)..+14.
 */
const SESSIONS = 200;
const ROUNDS = 5;
const PATHS = ["/api/auth/session", "/api/instances"];
const dir = resolve(process.env.SCALE_OUT_DIR ?? ".data/bench-scale-out");
const sh = (...args: string[]) =>
  execFileSync("bash", ["scripts/scale-out/harness.sh", ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });

function hapCommand(socket: string, cmd: string): Promise<string> {
  return new Promise((ok, fail) => {
    const s = connect(socket, () => s.end(`${cmd}\n`));
    let out = "";
    s.on("data", (d) => {
      out += d;
    });
    s.on("end", () => ok(out));
    s.on("error", fail);
  });
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function load(env: ScaleOut, browsers: Browser[], label: string) {
  const times: number[] = [];
  let failed = 0;
  const why = new Map<string, number>();
  const t0 = performance.now();
  await Promise.all(
    browsers.map(async (b) => {
      for (let r = 0; r < ROUNDS; r++)
        for (const p of PATHS) {
          const s = performance.now();
          const res = await b.get(env.lb, p).catch((e) => ({ status: 0, body: { code: String(e.cause ?? e).slice(0, 40) } }));
          times.push(performance.now() - s);
          if (res.status !== 200) {
            failed++;
            const k = `${res.status} ${
              res.body?.code ??
              String(res.body ?? "")
                .replace(/<[^>]*>/g, " ")
                .replace(/\s+/g, " ")
                .slice(0, 60)
            }`.trim();
            why.set(k, (why.get(k) ?? 0) + 1);
          }
        }
    }),
  );
  const wall = (performance.now() - t0) / 1000;
  times.sort((x, y) => x - y);
  return {
    backend: label,
    sessions: browsers.length,
    requests: times.length,
    failed,
    p50ms: Math.round(pct(times, 50)),
    p99ms: Math.round(pct(times, 99)),
    reqPerS: Math.round(times.length / wall),
    failures: [...why].map(([k, n]) => `${n}× ${k}`).join(", ") || "-",
  };
}

const endpoints = sh("up", dir).trim().split("\n").pop() as string;
try {
  const env: ScaleOut = JSON.parse(readFileSync(endpoints, "utf8"));
  const browsers = Array.from({ length: SESSIONS }, () => new Browser());
  // Sign-ins ten at a time (the login limiter and Keystone are not what this measures).
  for (let i = 0; i < browsers.length; i += 10) await Promise.all(browsers.slice(i, i + 10).map((b) => b.login(env.lb, "demo", env)));
  await load(env, browsers.slice(0, 20), "warm-up");
  const rows = [await load(env, browsers, "two replicas (a, b)")];
  await hapCommand(env.socket, "disable server zenith/b");
  rows.push(await load(env, browsers, "one replica (a; b disabled)"));
  await hapCommand(env.socket, "enable server zenith/b");
  rows.push(await load(env, browsers, "two replicas again"));
  report("replicas", rows);
  // chkdown: how often HAProxy marked each replica DOWN during the run (its readyz failed or timed out under load).
  const stat = (await hapCommand(env.socket, "show stat")).split("\n");
  const cols = stat[0].replace(/^# /, "").split(",");
  for (const line of stat.filter((l) => l.startsWith("zenith,a,") || l.startsWith("zenith,b,"))) {
    const v = Object.fromEntries(line.split(",").map((x, i) => [cols[i], x]));
    console.log(`replica ${v.svname}: served ${v.stot}, marked DOWN ${v.chkdown}×, last check ${v.check_status} ${v.last_chk}`);
  }
} finally {
  sh("down", dir);
}
