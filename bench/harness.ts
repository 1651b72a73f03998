import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createApp } from "../bff/app";
import type { BffDeps } from "../bff/deps";
import type { UpstreamCall } from "../bff/openstack/http";
import { parseServerTiming } from "../bff/lib/server-timing";
import { createServices } from "../bff/lib/services";
import { startSim, type RunningSim } from "../sim/index";

/** Starts a private embedded cloud for one benchmark (scenario chosen by the bench). */
export async function benchSim(scenario: "default" | "scale" = "default"): Promise<RunningSim & { dispose(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), "zenith-bench-"));
  const sim = await startSim({ port: 0, scenario, config: { dbPath: join(dir, "sim.sqlite"), controls: true, timeScale: 0.01 } });
  return {
    ...sim,
    dispose: async () => {
      await sim.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface BenchUser {
  username: string;
  password: string;
  project: string;
}

/**
 * Where a bench runs: with ZENITH_TARGET=real, the real tier of scripts/real-cloud (its endpoints.json; nothing is
 * started or stopped), otherwise a private sim. `deps` carries what the BFF needs to reach that target's Ceph.
 */
export async function benchTarget(scenario: "default" | "scale" = "default") {
  if (process.env.ZENITH_TARGET === "real") {
    const real = JSON.parse(readFileSync(`${process.env.ZENITH_REAL_DIR ?? "/tmp/zenith-real"}/endpoints.json`, "utf8"));
    const user = (u: BenchUser): BenchUser => ({ username: u.username, password: u.password, project: u.project });
    return {
      name: "real" as const,
      authUrl: real.authUrl as string,
      real,
      users: { admin: user(real.users.admin), demo: user(real.users.demo) },
      deps: { ceph: { username: real.ceph.username, password: real.ceph.password }, nova: real.nova } as Partial<BffDeps>,
      dispose: async () => {},
    };
  }
  const sim = await benchSim(scenario);
  const cfg = sim.state.config;
  return {
    name: "sim" as const,
    authUrl: `${sim.url}/identity/v3`,
    real: null,
    users: {
      admin: { username: "admin", password: cfg.adminPassword, project: "admin" },
      demo: { username: "demo", password: cfg.demoPassword, project: "demo" },
    },
    deps: {} as Partial<BffDeps>,
    dispose: sim.dispose,
  };
}

/** An in-process BFF against `authUrl` that records every upstream call, and a cookie-keeping client. */
export function benchBff(authUrl: string, overrides: Partial<BffDeps> = {}) {
  const calls: UpstreamCall[] = [];
  const deps: BffDeps = {
    cloud: { authUrl, interface: "public", source: "ZENITH_AUTH_URL", userDomain: "Default", projectDomain: "Default" },
    sessionSecret: "bench-secret-0123456789abcdef0123456789",
    fetch: (r, i) => globalThis.fetch(r, i),
    upstreamTimeoutMs: 60_000,
    tokenCacheMs: 30_000,
    allowedOrigins: [],
    ceph: { username: "admin", password: "zenith-ceph" },
    nova: { blockDeviceAllocateRetries: 60, blockDeviceAllocateRetriesInterval: 3 },
    onUpstreamCall: (c) => calls.push(c),
    ...overrides,
  };
  const services = createServices(deps);
  const app = createApp(deps, services);
  let cookie = "";
  async function call(method: string, path: string, json?: unknown, headers: Record<string, string> = {}) {
    const res = await app.request(`http://127.0.0.1${path}`, {
      method,
      headers: {
        ...headers,
        ...(cookie ? { cookie } : {}),
        ...(method !== "GET" ? { "x-zenith-request": "1" } : {}),
        ...(json ? { "content-type": "application/json" } : {}),
      },
      body: json ? JSON.stringify(json) : undefined,
    });
    const set = res.headers.get("set-cookie");
    if (set) cookie = set.split(";")[0];
    const text = await res.text();
    return {
      status: res.status,
      body: text ? JSON.parse(text) : null,
      bytes: Buffer.byteLength(text),
      timing: parseServerTiming(res.headers.get("Server-Timing")),
    };
  }
  return {
    app,
    services,
    calls,
    call,
    resetCalls: () => void calls.splice(0),
    cookie: () => cookie,
    setCookie: (c: string) => void (cookie = c),
  };
}

/** Prints a result table and keeps it under bench/results/ (gitignored) for comparison between runs. */
export function report(name: string, rows: Record<string, unknown>[]): void {
  console.table(rows);
  mkdirSync(join(new URL(".", import.meta.url).pathname, "results"), { recursive: true });
  writeFileSync(
    join(new URL(".", import.meta.url).pathname, "results", `${name}.json`),
    `${JSON.stringify({ at: new Date().toISOString(), rows }, null, 2)}\n`,
  );
}

/** One answer's Server-Timing as a table cell: the BFF's own time, then each upstream service's wait (ms). */
export function timingCell(timing: Record<string, { dur: number; desc: string | null }>): string {
  return Object.entries(timing)
    .filter(([k]) => k !== "total")
    .map(([k, v]) => `${k} ${v.dur.toFixed(0)}`)
    .join(", ");
}

/** The resident set size of this process, in MB. */
export const rssMb = () => Math.round(process.memoryUsage().rss / 1024 / 1024);
