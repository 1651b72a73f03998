import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { promisify } from "node:util";

/** What scripts/scale-out/harness.sh up wrote (SCALE_OUT_ENDPOINTS names the file). */
export interface ScaleOut {
  lb: string;
  a: string;
  b: string;
  sim: string;
  /** The rollout lab's directory (pool "lab": HAProxy + 3 nginx, their health files under www/). */
  lab: string;
  databaseUrl: string;
  socket: string;
  dir: string;
  users: Record<"admin" | "demo", { username: string; password: string; project: string }>;
}
export function scaleOut(): ScaleOut {
  const file = process.env.SCALE_OUT_ENDPOINTS;
  if (!file) throw new Error("SCALE_OUT_ENDPOINTS is unset: run these tests through scripts/scale-out/run.sh");
  return JSON.parse(readFileSync(file, "utf8"));
}

/** One browser over HTTP: a cookie jar, the CSRF header on state changes; each request names the replica (base URL). */
export class Browser {
  readonly jar = new Map<string, string>();
  async request(base: string, method: string, path: string, json?: unknown, signal?: AbortSignal) {
    const headers: Record<string, string> = {};
    if (this.jar.size) headers.cookie = [...this.jar].map(([k, v]) => `${k}=${v}`).join("; ");
    if (method !== "GET") headers["x-zenith-request"] = "1";
    if (json !== undefined) headers["content-type"] = "application/json";
    const res = await fetch(`${base}${path}`, { method, headers, body: json === undefined ? undefined : JSON.stringify(json), signal });
    for (const one of res.headers.getSetCookie()) {
      const pair = one.split(";")[0];
      const at = pair.indexOf("=");
      if (at <= 0 || !pair.slice(at + 1) || /Max-Age=0/i.test(one)) this.jar.delete(pair.slice(0, at));
      else this.jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
    const text = await res.text();
    let body: any = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON */
    }
    return { status: res.status, body };
  }
  get = (base: string, path: string) => this.request(base, "GET", path);
  post = (base: string, path: string, json?: unknown) => this.request(base, "POST", path, json);
  async login(base: string, who: "admin" | "demo", env = scaleOut()) {
    const u = env.users[who];
    const r = await this.post(base, "/api/auth/login", { username: u.username, password: u.password, project: u.project });
    if (r.status !== 200) throw new Error(`login as ${who} through ${base}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  }
}

/** Runs one harness operation (stop|start|kill a|b, roll); resolves with its output. */
export async function harness(...args: string[]): Promise<string> {
  const env = scaleOut();
  const op = args[0];
  const argv = op === "roll" ? ["roll", env.dir] : [...args, env.dir];
  const r = await promisify(execFile)("bash", ["scripts/scale-out/harness.sh", ...argv], { timeout: 180_000 });
  return r.stdout;
}

export interface PollCount {
  requests: number;
  failures: number;
  /** The first few failures, as "status" or the error's message. */
  samples: string[];
}

/** `clients` polling loops of GET base+path (each with its own session) until `until` settles; counts every request and failure. */
export async function pollWhile(browsers: Browser[], base: string, path: string, until: Promise<unknown>): Promise<PollCount> {
  const count: PollCount = { requests: 0, failures: 0, samples: [] };
  let done = false;
  const finished = until.finally(() => {
    done = true;
  });
  const loop = async (b: Browser) => {
    while (!done) {
      count.requests++;
      try {
        const r = await b.get(base, path);
        if (r.status !== 200) {
          count.failures++;
          if (count.samples.length < 5) count.samples.push(`${r.status} ${JSON.stringify(r.body).slice(0, 120)}`);
        }
      } catch (e) {
        count.failures++;
        if (count.samples.length < 5) count.samples.push(String((e as Error).cause ?? e));
      }
    }
  };
  await Promise.all([finished, ...browsers.map(loop)]);
  return count;
}
