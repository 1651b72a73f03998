import { describe, expect, it } from "vitest";
import { type BenchRun, benchRun, concurrentFigures, opsAt, parseRbdBench, sizeBytes } from "./stats";

const OUT = `bench  type read io_size 65536 io_threads 16 bytes 134217728 pattern random
  SEC       OPS   OPS/SEC   BYTES/SEC
    1      1024   1027.34    64 MiB/s
elapsed: 1   ops: 2048   ops/sec: 8126.98   bytes/sec: 508 MiB/s
`;
const MB = 1e6;
/** A run of `ops` ops of 1 MB each, at an even pace from `start` to `end` (ms), with a sample every second. */
function run(image: string, start: number, end: number, ops: number): BenchRun {
  const progress = [{ t: start, ops: 0 }];
  for (let t = start + 1000; t < end; t += 1000) progress.push({ t, ops: (ops * (t - start)) / (end - start) });
  progress.push({ t: end, ops });
  return {
    image,
    bytesPerSec: (ops * MB) / ((end - start) / 1000),
    bytes: ops * MB,
    ioBytes: MB,
    startedMs: start,
    endedMs: end,
    progress,
  };
}

describe("fan-out bench arithmetic", () => {
  it("reads ops and ops/sec from rbd bench's closing line, not its per-second rows", () => {
    expect(parseRbdBench(OUT)).toEqual({ ops: 2048, opsPerSec: 8126.98 });
  });

  it("refuses output without a closing line or without I/O", () => {
    expect(() => parseRbdBench("rbd: error opening image x: (2) No such file or directory")).toThrow(/no closing line/);
    expect(() => parseRbdBench("elapsed: 0   ops: 0   ops/sec: 0   bytes/sec: 0 B/s")).toThrow(/no I\/O/);
  });

  it("reads rbd's sizes as powers of 1024", () => {
    expect(sizeBytes("64K")).toBe(65536);
    expect(sizeBytes("256M")).toBe(268435456);
    expect(() => sizeBytes("1.5M")).toThrow();
  });

  it("times a run from its header to its closing line, with the cumulative ops of each per-second row", () => {
    const lines = OUT.trim()
      .split("\n")
      .map((text, i) => ({ t: 100 + i * 500, text }));
    const r = benchRun("vms/x", 65536, lines);
    expect([r.startedMs, r.endedMs]).toEqual([100, 1600]);
    expect(r.progress).toEqual([
      { t: 100, ops: 0 },
      { t: 1100, ops: 1024 },
      { t: 1600, ops: 2048 },
    ]);
    expect(r.bytes).toBe(2048 * 65536);
    expect(() => benchRun("vms/x", 65536, [{ t: 0, text: "rbd: error opening image" }])).toThrow(/no header or closing line/);
  });

  it("interpolates the ops done at a moment between samples, clamped to the run", () => {
    const p = [
      { t: 0, ops: 0 },
      { t: 1000, ops: 100 },
      { t: 2000, ops: 300 },
    ];
    expect([opsAt(p, -5), opsAt(p, 500), opsAt(p, 1500), opsAt(p, 9000)]).toEqual([0, 50, 200, 300]);
  });

  it("takes each image's MB/s over the window in which all N read, not over its own run", () => {
    // a reads 400 MB over 0–4 s (100 MB/s); b reads 100 MB over 1–3 s (50 MB/s): together 1–3 s
    const f = concurrentFigures([run("a", 0, 4000, 400), run("b", 1000, 3000, 100)]);
    expect(f.basis).toBe("together");
    expect(f.perImageMBps).toBeCloseTo(75);
    expect([f.minMBps, f.maxMBps].map((x) => Math.round(x))).toEqual([50, 100]);
    expect(f.ownMBps).toBeCloseTo(75);
    expect(f.aggregateMBps).toBeCloseTo(125); // 500 MB over 4 s
    expect(f.overlap).toBeCloseTo(0.5); // together 2 s of 4 s
  });

  it("a fast image that finished early does not count its time alone", () => {
    // a: 300 MB in 0–3 s, but only 20 MB of it during 2–3 s when b also ran; b: 20 MB over 2–3 s
    const a: BenchRun = {
      ...run("a", 0, 3000, 300),
      progress: [
        { t: 0, ops: 0 },
        { t: 2000, ops: 280 },
        { t: 3000, ops: 300 },
      ],
    };
    const f = concurrentFigures([a, run("b", 2000, 3000, 20)]);
    expect(f.perImageMBps).toBeCloseTo(20);
    expect(f.ownMBps).toBeCloseTo(60); // 100 and 20: what rbd bench itself says
  });

  it("falls back to the processes' own figures when they were together under a second, and says so", () => {
    const f = concurrentFigures([run("a", 0, 1000, 100), run("b", 800, 1800, 50)]);
    expect(f.basis).toBe("own");
    expect(f.perImageMBps).toBeCloseTo(75);
    expect(f.overlap).toBeCloseTo(0.2 / 1.8);
  });
});
