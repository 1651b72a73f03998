import { connect } from "node:net";
import type { PoolConfig } from "./config";
import type { BackendState } from "./schema";

/** The `status` column of HAProxy's CSV stats, per server of one backend; pure. */
export function parseStatCsv(text: string, backend: string): Map<string, string> {
  const lines = text
    .replace(/^# /, "")
    .split("\n")
    .filter((l) => l.trim());
  const head = (lines.shift() ?? "").split(",");
  const px = head.indexOf("pxname"),
    sv = head.indexOf("svname"),
    st = head.indexOf("status");
  const out = new Map<string, string>();
  if (px < 0 || sv < 0 || st < 0) return out;
  for (const l of lines) {
    const c = l.split(",");
    if (c[px] === backend && c[sv] !== "BACKEND" && c[sv] !== "FRONTEND") out.set(c[sv], c[st]);
  }
  return out;
}

export const isUp = (status: string) => status === "UP" || /^UP \d+\/\d+$/.test(status) || status === "no check";

export const serverOf = (pool: PoolConfig, host: string) => pool.haproxy.servers[host] ?? host;

export function backendStates(pool: PoolConfig, stat: Map<string, string>): BackendState[] {
  return pool.hosts.map((host) => {
    const server = serverOf(pool, host);
    const status = stat.get(server) ?? "?";
    return { host, server, status, up: isUp(status) };
  });
}

function socketStat(path: string, timeoutMs: number): Promise<string> {
  return new Promise((res, rej) => {
    const s = connect(path);
    let out = "";
    s.setTimeout(timeoutMs, () => s.destroy(new Error(`HAProxy socket ${path}: no answer within ${timeoutMs} ms`)));
    s.on("connect", () => s.write("show stat\n"));
    s.on("data", (d) => (out += d.toString()));
    s.on("end", () => res(out));
    s.on("error", rej);
  });
}

/** Reads the pool's backend from the runtime socket, else the CSV stats URL. Throws when neither answers. */
export async function readHaproxy(pool: PoolConfig, timeoutMs = 2000): Promise<BackendState[]> {
  let text: string;
  if (pool.haproxy.socket) text = await socketStat(pool.haproxy.socket, timeoutMs);
  else {
    const r = await fetch(pool.haproxy.statsUrl!, { signal: AbortSignal.timeout(timeoutMs) });
    if (!r.ok) throw new Error(`HAProxy stats ${pool.haproxy.statsUrl} answered ${r.status}`);
    text = await r.text();
  }
  return backendStates(pool, parseStatCsv(text, pool.haproxy.backend));
}
