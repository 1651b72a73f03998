import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parse, stringify } from "yaml";

const ROOT = resolve(__dirname, "../..");
const LAB = join(ROOT, "scripts/rollout-lab.sh");

/** The local lab (scripts/rollout-lab.sh) in a temp dir on the given frontend port, for integration tests. */
export function startLab(port: number) {
  const dir = mkdtempSync(join(tmpdir(), "zenith-rollout-lab-"));
  const out = execFileSync("bash", [LAB, "up", dir], { env: { ...process.env, ZENITH_ROLLOUT_LAB_PORT: String(port) }, encoding: "utf8" });
  const config = out.trim().split("\n").pop()!;
  const base = parse(readFileSync(config, "utf8")).pools[0] as Record<string, any>;
  const hap = (cmd: string) =>
    execFileSync("/usr/bin/python3", [join(ROOT, "rollouts/hapctl.py"), "--socket", join(dir, "run/haproxy.sock"), ...cmd.split(" ")], {
      encoding: "utf8",
    }).trim();
  const nginxPid = (host: string) => Number(readFileSync(join(dir, `run/nginx-${host}.pid`), "utf8"));
  return {
    dir,
    port,
    /** Writes a pools file with the lab pool changed by `patch`; returns its path. */
    config(name: string, patch: Record<string, unknown> = {}) {
      const file = join(dir, `pools-${name}.yaml`);
      writeFileSync(file, stringify({ pools: [{ ...base, ...patch }] }));
      return file;
    },
    status: () => hap("status web web1 web2 web3"),
    healthFiles: () => ["web1", "web2", "web3"].map((h) => existsSync(join(dir, "www", h, "health.html"))),
    stopBackend(host: string) {
      process.kill(nginxPid(host), "SIGTERM");
    },
    startBackend(host: string) {
      execFileSync("nginx", ["-e", join(dir, `logs/nginx-${host}.error.log`), "-c", join(dir, `run/nginx-${host}.conf`)]);
    },
    backendRunning(host: string) {
      try {
        process.kill(nginxPid(host), 0);
        return true;
      } catch {
        return false;
      }
    },
    async waitStatus(want: string, ms = 30_000) {
      const end = Date.now() + ms;
      while (Date.now() < end) {
        if (this.status() === want) return;
        await new Promise((r) => setTimeout(r, 200));
      }
      throw new Error(`lab status is ${this.status()}, wanted ${want}`);
    },
    stop() {
      execFileSync("bash", [LAB, "down", dir]);
    },
  };
}
export type Lab = ReturnType<typeof startLab>;

/** Reads an SSE response to its `end` event: [{ id, event, data }]. */
export async function readSse(res: Response, until?: (e: { id: number; event: string; data: any }) => boolean) {
  const out: { id: number; event: string; data: any }[] = [];
  const reader = res.body!.getReader();
  const dec = new TextDecoder();
  let buf = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buf += dec.decode(value, { stream: true });
    let i: number;
    while ((i = buf.indexOf("\n\n")) >= 0) {
      const block = buf.slice(0, i);
      buf = buf.slice(i + 2);
      const f: Record<string, string> = {};
      for (const l of block.split("\n")) {
        const m = /^(\w+): ?(.*)$/.exec(l);
        if (m) f[m[1]] = m[2];
      }
      if (!f.event) continue;
      const e = { id: Number(f.id ?? 0), event: f.event, data: f.data ? JSON.parse(f.data) : null };
      out.push(e);
      if (e.event === "end" || until?.(e)) {
        await reader.cancel();
        return out;
      }
    }
  }
  return out;
}
