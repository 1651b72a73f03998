import { execFile, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { promisify } from "node:util";
import { type BenchRun, benchRun, sizeBytes, type TimedLine } from "./stats";

/**
 * The real tier's `rbd` and `ceph` CLIs (Debian's, as tests/contract runs them): Debian's PATH first, so `ceph`
 * runs on /usr/bin/python3 and not a pyenv one, and the cluster's admin conf (its keyring is named inside).
 */
const run = promisify(execFile);
export const toolEnv = { ...process.env, PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", PYTHONPATH: "" };

export interface Cli {
  rbd(args: string[], timeoutMs?: number): Promise<string>;
  rbdJson<T>(args: string[]): Promise<T>;
  ceph<T>(args: string[]): Promise<T>;
}

export function cli(conf: string): Cli {
  const rbd = async (args: string[], timeoutMs = 300_000) =>
    (await run("/usr/bin/rbd", ["--conf", conf, ...args], { env: toolEnv, timeout: timeoutMs, maxBuffer: 16 * 2 ** 20 })).stdout;
  return {
    rbd,
    rbdJson: async <T>(args: string[]) => JSON.parse(await rbd([...args, "--format", "json"])) as T,
    ceph: async <T>(args: string[]) =>
      JSON.parse(
        (
          await run("/usr/bin/ceph", ["--conf", conf, "--connect-timeout", "10", ...args, "--format", "json"], {
            env: toolEnv,
            timeout: 30_000,
          })
        ).stdout,
      ) as T,
  };
}

export interface BenchOptions {
  type: "read" | "write";
  ioSize: string;
  pattern: "rand" | "seq";
  total: string;
  threads: number;
}

export const benchArgs = (o: BenchOptions) => [
  "bench",
  "--io-type",
  o.type,
  "--io-size",
  o.ioSize,
  "--io-pattern",
  o.pattern,
  "--io-total",
  o.total,
  "--io-threads",
  String(o.threads),
];

/**
 * One `rbd bench` on one image, each output line timed as it comes (rbd flushes per line): its own throughput
 * (ops/sec × io size) and its progress, so N of them can be compared over the window they all ran in.
 */
export function bench(conf: string, image: string, o: BenchOptions): Promise<BenchRun> {
  return new Promise((resolve, reject) => {
    const p = spawn("/usr/bin/rbd", ["--conf", conf, ...benchArgs(o), image], { env: toolEnv, stdio: ["ignore", "pipe", "pipe"] });
    const lines: TimedLine[] = [];
    let err = "";
    createInterface({ input: p.stdout }).on("line", (text) => lines.push({ t: performance.now(), text }));
    p.stderr.on("data", (d) => (err += d));
    const timer = setTimeout(() => p.kill("SIGTERM"), 300_000);
    p.on("error", reject);
    p.on("close", (code) => {
      clearTimeout(timer);
      if (code !== 0) return reject(new Error(`rbd bench ${image} exited ${code}: ${err.slice(-300)}`));
      try {
        resolve(benchRun(image, sizeBytes(o.ioSize), lines));
      } catch (e) {
        reject(e);
      }
    });
  });
}
