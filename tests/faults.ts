/**
 * Faults on the cloud under test, for the integration tests that need one: the sim injects them through /_sim; the
 * real tier gets a real one, under `flock /tmp/zenith-real-fault.lock` (colleagues share the tier) and undone by the
 * lock holder itself when its stdin closes, so a crashed or killed test run never leaves the fault behind.
 *
 * - a DHCP agent stops reporting: on real its neutron-dhcp-agent process group is stopped (SIGSTOP, the same for
 *   Neutron as a hung agent or a lost host: no heartbeat) and continued (SIGCONT) afterwards;
 * - Keystone answers 503: on real both backends of the keystone pool are drained (their health files moved aside,
 *   HAProxy marks them DOWN and its frontend, Zenith's auth URL, answers 503), then put back;
 * - a service's process hangs or is gone (real only, `realOutage`): scripts/real-cloud/outage.sh stops its process
 *   group (SIGSTOP) or resets connections to its port (iptables), bounded to 25 s, restored on release.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { FAULT_LOCK } from "./real-outage";
import { onSim, simControl, target } from "./target";

export { FAULT_LOCK, realOutage, type OutageMode } from "./real-outage";
const REAL_DIR = process.env.ZENITH_REAL_DIR ?? "/tmp/zenith-real";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** How long a test waits for Neutron to call a silent agent dead: the sim's 75 s at time scale 0.01; on real
 * agent_down_time (75 s, neutron's default) after the last of its reports (report_interval 10 s), with margin. */
export const AGENT_DEATH_MS = onSim ? 5_000 : 120_000;

/**
 * Runs `apply` under the fault lock, then holds it until released; `restore` runs when the holder's stdin closes
 * (release, or this process dying). Resolves once `apply` succeeded.
 */
async function holdRealFault(apply: string, restore: string, args: string[]): Promise<() => Promise<void>> {
  // bash runs the script, with the arguments as its positional parameters ($1…). Not flock's -c: that runs $SHELL,
  // and where $SHELL is unset it is dash, whose kill builtin takes no "--" ("kill: Illegal number: -", seen in CI).
  const script = `${apply} || exit 3; echo applied; cat >/dev/null; ${restore}`;
  const child: ChildProcessWithoutNullStreams = spawn(
    "flock",
    ["-w", "900", FAULT_LOCK, "/bin/bash", "-c", script, "zenith-fault", ...args],
    {
      detached: true,
    },
  );
  let out = "",
    err = "";
  child.stderr.on("data", (d) => {
    err += d;
  });
  const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (d) => {
      out += d;
      if (out.includes("applied")) resolve();
    });
    void exited.then((code) => reject(new Error(`fault holder exited ${code} before applying (${apply}): ${err}`)));
  });
  return async () => {
    child.stdin.end();
    const code = await exited;
    if (code !== 0) throw new Error(`fault holder exited ${code} while restoring (${restore}): ${err}`);
  };
}

/** The process group of a real-tier service started by scripts/real-cloud (lib.sh `start`), checked like its `pid_of`. */
function realProcessGroup(name: string): number {
  const pid = Number(readFileSync(join(REAL_DIR, "pids", `${name}.pid`), "utf8").trim());
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const started = readFileSync(join(REAL_DIR, "pids", `${name}.start`), "utf8").trim();
  if (fields[19] !== started) throw new Error(`${name}: pid ${pid} is not the process real-cloud.sh started`);
  if (Number(fields[2]) !== pid) throw new Error(`${name}: pid ${pid} does not lead its process group`);
  return pid;
}

export interface AgentFault {
  /** Brings the agent back: sim /_sim/agents/revive; real SIGCONT, then waits until Neutron has it alive again. */
  revive(): Promise<void>;
}

/**
 * Makes the DHCP agent on `host` stop reporting. Neutron calls it dead after agent_down_time (AGENT_DEATH_MS).
 * `aliveNow` reads the agent's `alive` from Neutron (used on real to wait for it to be back).
 */
export async function silenceDhcpAgent(host: string, aliveNow: () => Promise<boolean>): Promise<AgentFault> {
  if (onSim) {
    await simControl("/time-scale", { scale: 0.01 });
    await simControl("/agents/kill", { host });
    return {
      async revive() {
        await simControl("/agents/revive", { host });
        await simControl("/time-scale", { scale: Number(process.env.SIM_TIME_SCALE ?? 0.02) });
      },
    };
  }
  if (!(target.real!.dhcpAgentHosts as string[]).includes(host)) throw new Error(`${host} is not one of the real tier's DHCP agent hosts`);
  const pgid = realProcessGroup(host);
  const release = await holdRealFault('kill -STOP -- "-$1"', 'kill -CONT -- "-$1"', [String(pgid)]);
  return {
    async revive() {
      await release();
      const end = Date.now() + 90_000;
      while (!(await aliveNow())) {
        if (Date.now() > end) throw new Error(`${host}'s DHCP agent was continued but Neutron has not had a report from it in 90 s`);
        await sleep(1000);
      }
    },
  };
}

/** Holds the fault lock (nothing else) until the returned function is called: for tests that drain a shared backend. */
export const holdFaultLock = (): Promise<() => Promise<void>> => holdRealFault(":", ":", []);

export interface KeystonePool {
  frontendUrl: string;
  statsUrl: string;
  backend: string;
  hosts: string[];
  healthFiles: string[];
}

/** The keystone pool's backends and their HAProxy status (UP, DOWN, …) from its CSV stats. */
export async function keystoneBackends(ks: KeystonePool): Promise<Record<string, string>> {
  const csv = await (await fetch(ks.statsUrl)).text();
  const rows = csv.split("\n").map((l) => l.split(","));
  const out: Record<string, string> = {};
  for (const r of rows) if (r[0] === ks.backend && ks.hosts.includes(r[1])) out[r[1]] = r[17];
  return out;
}
export async function untilBackends(ks: KeystonePool, status: string): Promise<void> {
  const end = Date.now() + 30_000;
  for (;;) {
    const b = await keystoneBackends(ks);
    if (ks.hosts.every((h) => b[h] === status)) return;
    if (Date.now() > end) throw new Error(`keystone pool backends did not all become ${status} in 30 s: ${JSON.stringify(b)}`);
    await sleep(250);
  }
}

/**
 * Makes the identity endpoint Zenith uses answer 503. Sim: one injected 503 (/_sim/fault). Real: both keystone
 * backends drained until `restore()` (which waits for both UP again).
 */
export async function keystoneAnswers503(): Promise<{ restore(): Promise<void> }> {
  if (onSim) {
    await simControl("/fault", { service: "identity", mode: "503", count: 1 });
    return { async restore() {} };
  }
  const ks = target.real!.rollouts?.keystone as KeystonePool | undefined;
  if (!ks) throw new Error("endpoints.json has no rollouts.keystone (real-cloud.sh keystone-pool)");
  if (target.authUrl !== ks.frontendUrl)
    throw new Error(`Zenith's auth URL ${target.authUrl} is not the keystone pool's frontend ${ks.frontendUrl}`);
  await untilBackends(ks, "UP");
  const release = await holdRealFault(
    'for f; do mv "$f" "$f.drained" || exit 1; done',
    'for f; do mv "$f.drained" "$f"; done',
    ks.healthFiles,
  );
  try {
    await untilBackends(ks, "DOWN");
  } catch (e) {
    await release();
    throw e;
  }
  return {
    async restore() {
      await release();
      await untilBackends(ks, "UP");
    },
  };
}
