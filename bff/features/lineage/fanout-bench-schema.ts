import { z } from "@hono/zod-openapi";

/**
 * The fan-out bench's result (bench/fanout.bench.ts, `rbd bench` on the real tier), written as JSON to
 * $ZENITH_DATA_DIR/fanout-bench.json. Lineage shows it as "measured on this cloud" only when its fsid is the
 * cluster's own. The bench validates what it writes with this schema, and the BFF what it reads.
 */
export const FanoutBenchRowSchema = z.object({
  n: z.union([z.literal(1), z.literal(8), z.literal(32)]).openapi({ description: "Clones (or flattened images) read at once" }),
  cloneMBps: z.number().nonnegative().openapi({ description: "MB/s per clone, N clones of one parent read concurrently" }),
  flatMBps: z.number().nonnegative().openapi({ description: "MB/s per image, N flattened (independent) images read concurrently" }),
  ratio: z.number().nonnegative().openapi({ description: "cloneMBps ÷ flatMBps" }),
});

export const FanoutBenchSchema = z
  .object({
    fsid: z.string().min(1).openapi({ description: "The Ceph cluster the bench ran against" }),
    measuredAt: z.string().datetime({ offset: true }),
    rows: z.array(FanoutBenchRowSchema).min(1),
    parentWrite: z.object({
      beforeMBps: z.number().nonnegative().openapi({ description: "rbd bench --io-type write on the parent before any clone" }),
      afterMBps: z.number().nonnegative().openapi({ description: "…and with `clones` clones reading from it" }),
      clones: z.number().int().positive(),
    }),
  })
  .openapi("FanoutBench");

export type FanoutBench = z.infer<typeof FanoutBenchSchema>;
export const FANOUT_BENCH_FILE = "fanout-bench.json";
