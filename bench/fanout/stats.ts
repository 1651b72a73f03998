/**
 * Pure arithmetic of the fan-out bench: what `rbd bench` printed, and the figures of N runs that ran at once.
 * MB here is 10^6 bytes.
 */

const MB = 1_000_000;

/** Ops and ops per second from `rbd bench`'s closing line ("elapsed: 3  ops: 4096  ops/sec: 1204.2  bytes/sec: …"). */
export function parseRbdBench(stdout: string): { ops: number; opsPerSec: number } {
  const m = /elapsed:\s*\d+\s+ops:\s*(\d+)\s+ops\/sec:\s*([\d.]+(?:e[+-]?\d+)?)/i.exec(stdout);
  if (!m) throw new Error(`rbd bench printed no closing line: ${stdout.slice(-300)}`);
  const ops = Number(m[1]);
  const opsPerSec = Number(m[2]);
  if (!(ops > 0) || !(opsPerSec > 0)) throw new Error(`rbd bench did no I/O: ${m[0]}`);
  return { ops, opsPerSec };
}

/** A size such as "64K", "4M" or "256M" (rbd's own notation: powers of 1024) in bytes. */
export function sizeBytes(size: string): number {
  const m = /^(\d+)([BKMG]?)$/i.exec(size.trim());
  if (!m) throw new Error(`not a size: ${size}`);
  const unit = { "": 1, B: 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[m[2].toUpperCase() as "" | "B" | "K" | "M" | "G"];
  return Number(m[1]) * unit;
}

/** A line of `rbd bench`'s output and when this process read it (ms, performance.now()): rbd flushes each line. */
export interface TimedLine {
  t: number;
  text: string;
}

/** One `rbd bench` process: its own throughput, and its progress on one clock so runs can be compared over one window. */
export interface BenchRun {
  image: string;
  /** rbd bench's ops/sec × io size. */
  bytesPerSec: number;
  bytes: number;
  ioBytes: number;
  /** When its header line came: the image is open and I/O begins. */
  startedMs: number;
  /** When its closing line came. */
  endedMs: number;
  /** Cumulative ops over time: (start, 0), each per-second row, (end, all ops). */
  progress: { t: number; ops: number }[];
}

/** A BenchRun from rbd bench's timed lines: the header, the per-second rows (SEC, cumulative OPS, …), the closing line. */
export function benchRun(image: string, ioBytes: number, lines: TimedLine[]): BenchRun {
  const header = lines.find((l) => /^bench\s+type/.test(l.text.trim()));
  const closing = lines.find((l) => /^elapsed:/.test(l.text.trim()));
  if (!header || !closing)
    throw new Error(
      `rbd bench on ${image} printed no header or closing line: ${lines
        .map((l) => l.text)
        .join(" / ")
        .slice(-300)}`,
    );
  const { ops, opsPerSec } = parseRbdBench(closing.text);
  const rows = lines
    .map((l) => ({ t: l.t, m: /^\s*\d+\s+(\d+)\s+[\d.]+\s/.exec(l.text) }))
    .filter((r) => r.m && r.t > header.t && r.t < closing.t)
    .map((r) => ({ t: r.t, ops: Number(r.m?.[1]) }));
  return {
    image,
    bytesPerSec: opsPerSec * ioBytes,
    bytes: ops * ioBytes,
    ioBytes,
    startedMs: header.t,
    endedMs: closing.t,
    progress: [{ t: header.t, ops: 0 }, ...rows, { t: closing.t, ops }],
  };
}

/** Cumulative ops at time t, linear between the samples (clamped to the run). */
export function opsAt(progress: BenchRun["progress"], t: number): number {
  if (t <= progress[0].t) return progress[0].ops;
  for (let i = 1; i < progress.length; i++) {
    const a = progress[i - 1];
    const b = progress[i];
    if (t <= b.t) return b.t === a.t ? b.ops : a.ops + ((b.ops - a.ops) * (t - a.t)) / (b.t - a.t);
  }
  return progress[progress.length - 1].ops;
}

/** Below this many ms of all N reading together, the per-image figure falls back to each process's own. */
export const MIN_TOGETHER_MS = 1000;

export interface ConcurrentFigures {
  n: number;
  /**
   * Mean MB/s of one image while all N read: each process's bytes between the last start and the first end, over that
   * window ("together"); when that window is under MIN_TOGETHER_MS, the mean of the processes' own MB/s ("own").
   */
  perImageMBps: number;
  basis: "together" | "own";
  /** The mean of rbd bench's own figures (each over its whole run, however many others ran meanwhile). */
  ownMBps: number;
  minMBps: number;
  maxMBps: number;
  /** All bytes read over the window from the first start to the last end. */
  aggregateMBps: number;
  /** Share of that window in which all N processes were running (1 = they ran fully together). */
  overlap: number;
}

export function concurrentFigures(runs: BenchRun[]): ConcurrentFigures {
  if (runs.length === 0) throw new Error("no runs");
  const own = runs.map((r) => r.bytesPerSec / MB);
  const first = Math.min(...runs.map((r) => r.startedMs));
  const last = Math.max(...runs.map((r) => r.endedMs));
  const w0 = Math.max(...runs.map((r) => r.startedMs));
  const w1 = Math.min(...runs.map((r) => r.endedMs));
  const together = w1 - w0;
  const window = last - first;
  const basis = together >= MIN_TOGETHER_MS ? "together" : "own";
  const mbps =
    basis === "together" ? runs.map((r) => ((opsAt(r.progress, w1) - opsAt(r.progress, w0)) * r.ioBytes) / MB / (together / 1000)) : own;
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return {
    n: runs.length,
    perImageMBps: mean(mbps),
    basis,
    ownMBps: mean(own),
    minMBps: Math.min(...mbps),
    maxMBps: Math.max(...mbps),
    aggregateMBps: window > 0 ? runs.reduce((a, r) => a + r.bytes, 0) / MB / (window / 1000) : Number.NaN,
    overlap: window > 0 ? Math.max(0, together) / window : 1,
  };
}

/** Rounded for the table and the JSON: 1 decimal for MB/s, 2 for ratios. */
export const round1 = (x: number) => Math.round(x * 10) / 10;
export const round2 = (x: number) => Math.round(x * 100) / 100;
export const toMBps = (bytesPerSec: number) => bytesPerSec / MB;
