import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext } from "@playwright/test";
import { launchChromium } from "./chromium";
import { startSim } from "../sim/index";
import { freePort } from "./ui/processes";

/**
 * The product as shipped, for browser benches: the embedded cloud, `next start` on the existing build (.next; run
 * `npx next build` first), and Chromium. Ports come from BENCH_SIM_PORT / BENCH_NEXT_PORT, or are picked free.
 */
export interface BrowserStack {
  baseUrl: string;
  browser: Browser;
  /** A fresh context (empty cache), signed in as `user` when given. */
  context(user?: { username: string; password: string }): Promise<BrowserContext>;
  dispose(): Promise<void>;
}

export const DEMO = { username: "demo", password: "zenith-demo" };
export const ADMIN = { username: "admin", password: "zenith-admin" };

const root = new URL("..", import.meta.url).pathname;

async function waitHttp(url: string, child: ChildProcess, secs: number): Promise<void> {
  for (let i = 0; i < secs * 5; i++) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}) before answering at ${url}`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(2000) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`no answer at ${url} within ${secs}s`);
}

/** Stops a process group started here, by its leader's PID. */
async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null) return;
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    return;
  }
  const killed = await Promise.race([exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 10_000))]);
  if (!killed)
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      /* already gone */
    }
}

export async function startBrowserStack(): Promise<BrowserStack> {
  if (!existsSync(join(root, ".next", "BUILD_ID"))) throw new Error("no production build: run `npx next build` first");
  const dir = mkdtempSync(join(tmpdir(), "zenith-bench-ui-"));
  const sim = await startSim({
    port: Number(process.env.BENCH_SIM_PORT ?? 0),
    scenario: "default",
    config: { dbPath: join(dir, "sim.sqlite"), controls: true, timeScale: 0.01 },
  });
  const port = Number(process.env.BENCH_NEXT_PORT ?? (await freePort()));
  const next = spawn("npx", ["next", "start", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: root,
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      ZENITH_AUTH_URL: `${sim.url}/identity/v3`,
      // The sim is reached by URL like any cloud: its Ceph Dashboard account is told, never defaulted.
      ZENITH_CEPH_USER: "admin",
      ZENITH_CEPH_PASSWORD: "zenith-ceph",
      ZENITH_SESSION_SECRET: "bench-ui-secret-0123456789abcdef0123456789",
    },
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  let browser: Browser | undefined;
  try {
    await waitHttp(`${baseUrl}/login`, next, 90);
    browser = await launchChromium();
  } catch (err) {
    await stopGroup(next);
    await sim.close();
    throw err;
  }
  const b = browser;
  return {
    baseUrl,
    browser: b,
    async context(user) {
      const ctx = await b.newContext({ baseURL: baseUrl, viewport: { width: 1440, height: 900 } });
      if (user) {
        const res = await ctx.request.post("/api/auth/login", { headers: { "X-Zenith-Request": "1" }, data: user });
        if (!res.ok()) throw new Error(`sign-in as ${user.username} failed: ${res.status()} ${await res.text()}`);
      }
      return ctx;
    },
    async dispose() {
      await b.close();
      await stopGroup(next);
      await sim.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
