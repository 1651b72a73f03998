import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findInGroup, startGroup, waitHttp, type Started } from "./processes";
import { realLogCounter } from "./real-logs";
import { createBenchUser } from "./real-user";
import type { TargetSetup } from "./runner";
import type { ScenarioName } from "../../sim/scenarios";
import { simCounter } from "./upstream";

export type TargetName = "sim" | "real";

export interface RunningTarget extends TargetSetup {
  name: TargetName;
  /** Facts about the run to keep with the results. */
  about: Record<string, unknown>;
  stop(): Promise<void>;
}

const root = new URL("../..", import.meta.url).pathname;
const realDir = process.env.ZENITH_REAL_DIR ?? "/tmp/zenith-real";
const logDir = join(root, ".data", "bench-ui");

/** The production server (`next start`, the built .next/) against one Keystone, in its own process group. */
async function startNext(
  port: number,
  env: Record<string, string>,
  label: string,
): Promise<{ next: Started; pid: () => number | undefined }> {
  mkdirSync(logDir, { recursive: true });
  const next = startGroup(
    "npx",
    ["next", "start", "-H", "127.0.0.1", "-p", String(port)],
    {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      ZENITH_SESSION_SECRET: "bench-only-session-secret-0123456789abcdef",
      ZENITH_DATA_DIR: join(logDir, `data-${label}`),
      // As scripts/start.sh runs it (scripts/node-heap.sh), unless the bench is told otherwise.
      NODE_OPTIONS:
        process.env.BENCH_NEXT_NODE_OPTIONS ?? execFileSync("bash", ["scripts/node-heap.sh"], { cwd: root, encoding: "utf8" }).trim(),
      ...env,
    },
    join(logDir, `next-${label}.log`),
    root,
  );
  try {
    await waitHttp(`http://127.0.0.1:${port}/login`, 90);
  } catch (err) {
    await next.stop();
    throw err;
  }
  let pid: number | undefined;
  return { next, pid: () => (pid ??= findInGroup(next.pid, "next-server")) };
}

export function realTierUp(): boolean {
  return existsSync(join(realDir, "endpoints.json"));
}

/** A fresh embedded cloud (default scenario unless told, controls on for its request counter) and the app on it. */
export async function startSimTarget(simPort: number, appPort: number, scenario: ScenarioName = "default"): Promise<RunningTarget> {
  const dir = mkdtempSync(join(tmpdir(), "zenith-bench-ui-"));
  mkdirSync(logDir, { recursive: true });
  const sim = startGroup(
    "node",
    ["--import", "tsx", "sim/main.ts"],
    {
      ...process.env,
      SIM_PORT: String(simPort),
      SIM_DB: join(dir, "sim.sqlite"),
      SIM_SCENARIO: scenario,
      SIM_CONTROLS: "1",
    },
    join(logDir, `sim-${scenario}.log`),
    root,
  );
  const simUrl = `http://127.0.0.1:${simPort}`;
  const stopSim = async () => {
    await sim.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    // The scale scenario builds 10k servers and 16k RBD images before it listens.
    await waitHttp(`${simUrl}/identity/v3`, scenario === "scale" ? 600 : 60);
  } catch (err) {
    await stopSim();
    throw err;
  }
  let app;
  try {
    app = await startNext(
      appPort,
      { ZENITH_AUTH_URL: `${simUrl}/identity/v3`, ZENITH_CEPH_USER: "admin", ZENITH_CEPH_PASSWORD: "zenith-ceph" },
      "sim",
    );
  } catch (err) {
    await stopSim();
    throw err;
  }
  const { next, pid } = app;
  return {
    name: "sim",
    appUrl: `http://127.0.0.1:${appPort}`,
    who: { username: "admin", password: process.env.ZENITH_ADMIN_PASSWORD ?? "zenith-admin" },
    seed: { rawImage: "centos-7-raw" },
    counter: simCounter(simUrl),
    nextServerPid: pid,
    about: {
      keystone: `${simUrl}/identity/v3`,
      scenario,
      upstreamCounted: "the sim's own per-service request counter (GET /_sim/requests)",
    },
    stop: async () => {
      await next.stop();
      await stopSim();
    },
  };
}

/** The app on the real tier (scripts/real-cloud, already up), signed in as a Keystone user made for this run. */
export async function startRealTarget(appPort: number): Promise<RunningTarget> {
  const e = JSON.parse(readFileSync(join(realDir, "endpoints.json"), "utf8"));
  const user = await createBenchUser(e.authUrl, {
    username: e.users.admin.username,
    password: e.users.admin.password,
    project: e.users.admin.project,
  });
  let app;
  try {
    app = await startNext(
      appPort,
      {
        ZENITH_AUTH_URL: e.authUrl,
        ZENITH_CEPH_USER: e.ceph.username,
        ZENITH_CEPH_PASSWORD: e.ceph.password,
        ZENITH_NOVA_BDA_RETRIES: String(e.nova.blockDeviceAllocateRetries),
        ZENITH_NOVA_BDA_INTERVAL: String(e.nova.blockDeviceAllocateRetriesInterval),
      },
      "real",
    );
  } catch (err) {
    await user.remove();
    throw err;
  }
  const { next, pid } = app;
  return {
    name: "real",
    appUrl: `http://127.0.0.1:${appPort}`,
    who: { username: user.username, password: user.password },
    // scripts/real-cloud seeds the raw image under this name (e2e/cloud.ts relies on it too).
    seed: { rawImage: "zenith-raw" },
    counter: realLogCounter(join(realDir, "logs"), () => user.id),
    nextServerPid: pid,
    about: {
      keystone: e.authUrl,
      upstreamCounted: `request lines in the services' own logs (${join(realDir, "logs")}); OpenStack lines only when they carry the bench's own user, Keystone and Ceph Dashboard lines all, since their logs name no OpenStack user (so identity also counts the services' own validations of the bench's token, and any other client's Keystone or Ceph calls in the same window: "others in window" shows how busy the shared tier was)`,
    },
    stop: async () => {
      await next.stop();
      await user.remove();
    },
  };
}
