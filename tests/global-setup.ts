import type { TestProject } from "vitest/node";
import { readFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TargetInfo } from "./target";

/**
 * Integration tests run unchanged against two targets, chosen by ZENITH_TARGET:
 * - sim (default): the embedded cloud, started here in-process on a free loopback port;
 * - real: Debian's OpenStack + Ceph brought up by scripts/real-cloud (endpoints.json).
 */
export default async function setup(project: TestProject) {
  const name = (process.env.ZENITH_TARGET ?? "sim") as TargetInfo["name"];
  if (name === "real") {
    const dir = process.env.ZENITH_REAL_DIR ?? "/tmp/zenith-real";
    let real: Record<string, any>;
    try {
      real = JSON.parse(readFileSync(join(dir, "endpoints.json"), "utf8"));
    } catch (e) {
      throw new Error(
        `ZENITH_TARGET=real but ${dir}/endpoints.json is unreadable; run 'bash scripts/real-cloud/real-cloud.sh up' first (${e})`,
      );
    }
    project.provide("target", { name, authUrl: real.authUrl, region: real.region, users: real.users, real });
    return;
  }
  if (name !== "sim") throw new Error(`ZENITH_TARGET must be sim or real, got ${name}`);
  const { startSim } = await import("../sim/index");
  const dataDir = mkdtempSync(join(tmpdir(), "zenith-sim-"));
  const sim = await startSim({
    port: 0,
    scenario: "default",
    config: { dbPath: join(dataDir, "sim.sqlite"), controls: true, timeScale: Number(process.env.SIM_TIME_SCALE ?? 0.02) },
  });
  const user = (username: string, password: string, project: string) => ({ username, password, userDomain: "Default", project });
  project.provide("target", {
    name,
    authUrl: `${sim.url}/identity/v3`,
    region: sim.state.config.region,
    users: { admin: user("admin", sim.state.config.adminPassword, "admin"), demo: user("demo", sim.state.config.demoPassword, "demo") },
    simUrl: sim.url,
  });
  return async () => {
    await sim.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
