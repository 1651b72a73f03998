import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { type ConcurrentFigures, round1, round2 } from "./stats";

/**
 * What the fan-out bench leaves for the BFF: `$ZENITH_DATA_DIR/fanout-bench.json` (default `.data/`). Lineage shows
 * it as "measured on this cloud" when `fsid` is the cloud's own Ceph fsid. MB is 10^6 bytes.
 */
export const fanoutBenchSchema = z.object({
  fsid: z.string().min(1),
  measuredAt: z.iso.datetime(),
  rows: z.array(
    z.object({
      n: z.union([z.literal(1), z.literal(8), z.literal(32)]),
      /** Mean MB/s one clone read while N clones of the same parent snapshot read at once. */
      cloneMBps: z.number().positive(),
      /** The same for N flattened, independent images. */
      flatMBps: z.number().positive(),
      /** cloneMBps / flatMBps. */
      ratio: z.number().positive(),
    }),
  ),
  parentWrite: z.object({ beforeMBps: z.number().positive(), afterMBps: z.number().positive(), clones: z.literal(32) }),
});
export type FanoutBench = z.infer<typeof fanoutBenchSchema>;

export function fanoutBench(
  fsid: string,
  measuredAt: Date,
  pairs: { cloned: ConcurrentFigures; flat: ConcurrentFigures }[],
  parentWrite: { beforeMBps: number; afterMBps: number },
): FanoutBench {
  return fanoutBenchSchema.parse({
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
  const path = join(dataDir, "fanout-bench.json");
  writeFileSync(path, `${JSON.stringify(fanoutBenchSchema.parse(result), null, 2)}\n`);
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
