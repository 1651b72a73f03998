import { spawn } from "node:child_process";
import { openSync, readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";

/** A server the bench started: its own process group (so stopping it takes its children), on 127.0.0.1. */
export interface Started {
  pid: number;
  stop(): Promise<void>;
}

/** Starts `cmd args` detached in a new process group, output to `logFile`. */
export function startGroup(cmd: string, args: string[], env: NodeJS.ProcessEnv, logFile: string, cwd: string): Started {
  const out = openSync(logFile, "w");
  const child = spawn(cmd, args, { cwd, env, detached: true, stdio: ["ignore", out, out] });
  const pid = child.pid;
  if (!pid) throw new Error(`could not start ${cmd}`);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    pid,
    async stop() {
      try {
        process.kill(-pid, "SIGTERM");
      } catch {
        return;
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-pid, "SIGKILL");
        } catch {
          /* gone */
        }
      }, 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Waits until `url` answers anything below 500, or throws after `seconds`. */
export async function waitHttp(url: string, seconds: number): Promise<void> {
  const until = Date.now() + seconds * 1000;
  for (;;) {
    try {
      const res = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(5_000) });
      await res.arrayBuffer();
      if (res.status < 500) return;
    } catch {
      /* not yet */
    }
    if (Date.now() > until) throw new Error(`${url} did not answer within ${seconds} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The process in group `pgid` whose command line names `name` (e.g. Next's `next-server` child). */
export function findInGroup(pgid: number, name: string): number | undefined {
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== pgid) continue;
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, "utf8").replace(/\0/g, " ");
      const comm = readFileSync(`/proc/${entry}/comm`, "utf8");
      if (cmdline.includes(name) || comm.includes(name)) return Number(entry);
    } catch {
      /* exited meanwhile */
    }
  }
  return undefined;
}

/** VmRSS and VmHWM (peak) of a process, in MiB, from /proc/<pid>/status. */
export function memoryOf(pid: number): { rssMiB: number; peakMiB: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kib = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
    return { rssMiB: Math.round(kib("VmRSS") / 1024), peakMiB: Math.round(kib("VmHWM") / 1024) };
  } catch {
    return undefined;
  }
}

/** A port free on 127.0.0.1 right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}
