import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { FANOUT_BENCH_FILE, type FanoutBench, FanoutBenchSchema } from "../../bff/features/lineage/fanout-bench-schema";
import { type ConcurrentFigures, round1, round2 } from "./stats";

/**
 * What the fan-out bench leaves for the BFF: `$ZENITH_DATA_DIR/fanout-bench.json` (default `.data/`), in the schema the
 * BFF reads it with. Lineage shows it as "measured on this cloud" when `fsid` is the cloud's own Ceph fsid. MB is 10^6 bytes.
 */
export function fanoutBench(
  fsid: string,
  measuredAt: Date,
  pairs: { cloned: ConcurrentFigures; flat: ConcurrentFigures }[],
  parentWrite: { beforeMBps: number; afterMBps: number },
): FanoutBench {
  return FanoutBenchSchema.parse({
    fsid,
    measuredAt: measuredAt.toISOString(),
    rows: pairs.map(({ cloned, flat }) => ({
      n: cloned.n,
      cloneMBps: round1(cloned.perImageMBps),
      flatMBps: round1(flat.perImageMBps),
      ratio: round2(cloned.perImageMBps / flat.perImageMBps),
    })),
    parentWrite: { beforeMBps: round1(parentWrite.beforeMBps), afterMBps: round1(parentWrite.afterMBps), clones: 32 },
  });
}

/** Writes the file the BFF reads; returns its path. */
export function writeFanoutBench(result: FanoutBench, dataDir = process.env.ZENITH_DATA_DIR || ".data"): string {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, FANOUT_BENCH_FILE);
  writeFileSync(path, `${JSON.stringify(FanoutBenchSchema.parse(result), null, 2)}\n`);
  return path;
}

/** The per-N table, as printed and as kept in bench/results/fanout.md. */
export function fanoutTable(pairs: { cloned: ConcurrentFigures; flat: ConcurrentFigures }[]) {
  const range = (f: ConcurrentFigures) => `${round1(f.minMBps)}–${round1(f.maxMBps)}`;
  return pairs.map(({ cloned, flat }) => ({
    N: cloned.n,
    "cloned MB/s per clone": round1(cloned.perImageMBps),
    "cloned min–max": range(cloned),
    "flattened MB/s per image": round1(flat.perImageMBps),
    "flattened min–max": range(flat),
    "cloned/flattened": round2(cloned.perImageMBps / flat.perImageMBps),
    "basis cloned / flattened": `${cloned.basis} / ${flat.basis}`,
    "rbd's own MB/s, mean, cloned / flattened": `${round1(cloned.ownMBps)} / ${round1(flat.ownMBps)}`,
    "aggregate MB/s cloned / flattened": `${round1(cloned.aggregateMBps)} / ${round1(flat.aggregateMBps)}`,
    "all N reading (share of window) cloned / flattened": `${round2(cloned.overlap)} / ${round2(flat.overlap)}`,
  }));
}

export function markdownTable(rows: Record<string, string | number>[]): string[] {
  if (!rows.length) return ["(none)"];
  const keys = Object.keys(rows[0]);
  return [
    `| ${keys.join(" | ")} |`,
    `| ${keys.map(() => "---").join(" | ")} |`,
    ...rows.map((r) => `| ${keys.map((k) => r[k]).join(" | ")} |`),
  ];
}
