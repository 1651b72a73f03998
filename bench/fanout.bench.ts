import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { mapLimit } from "../bff/features/dhcp/load-state";
import { children, cleanup, type FanoutImages, fanoutImages, importRandom, usage } from "./fanout/images";
import { type BenchOptions, bench, cli } from "./fanout/rbd";
import { fanoutBench, fanoutTable, markdownTable, writeFanoutBench } from "./fanout/result";
import { type ConcurrentFigures, concurrentFigures, MIN_TOGETHER_MS, round1, round2, toMBps } from "./fanout/stats";

/**
 * Clone fan-out on the real tier's Ceph 16 (issue 18): one parent image of real (random) data, a protected snapshot,
 * N = 1, 8, 32 clones of it read at once with `rbd bench --io-type read`, then N flattened (independent) images of
 * the same data read the same way, in one run against the same Ceph; and `rbd bench --io-type write` on the parent
 * before and after its 32 clones exist. Reports MB/s per clone and the cloned/flattened ratio; asserts nothing.
 * Writes `$ZENITH_DATA_DIR/fanout-bench.json` for Lineage ("measured on this cloud") and bench/results/fanout.{md,json}.
 * Without the real tier it says "real tier not up: not measured" and exits 0, writing nothing.
 */
const realDir = process.env.ZENITH_REAL_DIR ?? "/tmp/zenith-real";
const endpointsFile = join(realDir, "endpoints.json");
const notMeasured = (why: string): never => {
  console.log(`fanout: real tier not up: not measured (${why})`);
  process.exit(0);
};
if (!existsSync(endpointsFile)) notMeasured(`no ${endpointsFile}`);
const ep = JSON.parse(readFileSync(endpointsFile, "utf8"));
const c = cli(ep.ceph.conf);
const fsid = await c
  .ceph<{ fsid: string }>(["fsid"])
  .then((r) => r.fsid)
  .catch((e: Error) => notMeasured(`ceph did not answer: ${e.message.split("\n")[0]}`));

const SIZE_MIB = Number(process.env.BENCH_FANOUT_MIB ?? 256);
const NS = [1, 8, 32] as const;
const CLONES = 32;
const pool = process.env.BENCH_FANOUT_POOL ?? "vms";
const pools = await c.ceph<string[]>(["osd", "pool", "ls"]);
if (!pools.includes(pool)) throw new Error(`fanout: pool ${pool} is not on this Ceph (pools: ${pools.join(", ")})`);
const [version, osds, cacheBytes, poolSize] = await Promise.all([
  c.ceph<{ version: string }>(["version"]),
  c.ceph<{ num_osds: number }>(["osd", "stat"]),
  c.ceph<number>(["config", "show", "osd.0", "bluestore_cache_size"]),
  c.ceph<{ size: number }>(["osd", "pool", "get", pool, "size"]),
]);
const cluster = `Ceph ${version.version.split(" ")[2]}, ${osds.num_osds} OSD(s), osd.0's bluestore cache ${Number(cacheBytes) / 2 ** 20} MiB, pool \`${pool}\` of size ${poolSize.size}`;

/** Reads: 64 KiB at random offsets, as much as the image holds, 16 in flight per process (rbd bench's default). */
const READ: BenchOptions = { type: "read", ioSize: "64K", pattern: "rand", total: `${SIZE_MIB}M`, threads: 16 };
/** The parent's write cost: the same shape, written to the parent's head. */
const WRITE: BenchOptions = { ...READ, type: "write" };

const f: FanoutImages = fanoutImages(pool, `zt-fanout-${randomBytes(4).toString("hex")}`, CLONES);
const t0 = performance.now();
const log = (s: string) => console.log(`fanout ${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s  ${s}`);
const load = () => loadavg().map((x) => x.toFixed(1));
const loadBefore = load();

let cleaned = false;
async function clean() {
  if (cleaned) return;
  cleaned = true;
  const left = await cleanup(c, f);
  if (left.length) console.error(`fanout: could not remove ${left.join(", ")}: remove them by hand`);
  else log(`removed every ${f.prefix}-* image and snapshot`);
}
for (const sig of ["SIGINT", "SIGTERM"] as const)
  process.once(sig, () => {
    console.error(`fanout: ${sig}, cleaning up`);
    void clean().finally(() => process.exit(130));
  });

/** N `rbd bench` reads started together, one per image. */
const readTogether = async (images: string[]): Promise<ConcurrentFigures> =>
  concurrentFigures(await Promise.all(images.map((i) => bench(ep.ceph.conf, i, READ))));

/**
 * WRITE_RUNS writes to the parent's head, each right after a fresh (unprotected) snapshot `<tag>1…`, so every one is
 * the first write since a snapshot and pays RADOS's copy-on-write of each object it touches; MB/s of each.
 */
const WRITE_RUNS = 3;
async function parentWrites(tag: string): Promise<number[]> {
  const out: number[] = [];
  for (let i = 1; i <= WRITE_RUNS; i++) {
    await c.rbd(["snap", "create", `${f.parent}@${tag}${i}`]);
    out.push(toMBps((await bench(ep.ceph.conf, f.parent, WRITE)).bytesPerSec));
  }
  return out;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const pairs: { cloned: ConcurrentFigures; flat: ConcurrentFigures }[] = [];
let before: number[] = [];
let after: number[] = [];
let removed: number[] = [];
const flattenSeconds: number[] = [];
let flatUsed = "";
let cloneKind = "";
const writeLoad: string[] = [];
try {
  log(`Ceph ${fsid}, pool ${pool}, prefix ${f.prefix}; parent ${SIZE_MIB} MiB; load average ${loadBefore.join(" / ")}`);
  await importRandom(ep.ceph.conf, f.parent, SIZE_MIB * 2 ** 20);
  const parentUse = (await usage(c, f)).get(f.parent);
  log(`parent: ${SIZE_MIB} MiB of /dev/urandom imported (rbd du: used ${parentUse?.used} of ${parentUse?.provisioned} bytes)`);

  // Writes with no clone, before s1: the clones and flattened images below then read an s1 the head still equals.
  writeLoad.push(load()[0]);
  before = await parentWrites("b");
  log(`parent writes, no clone yet (each the first since a snapshot): ${before.map(round1).join(", ")} MB/s`);

  await c.rbd(["snap", "create", `${f.parent}@s1`]);
  await c.rbd(["snap", "protect", `${f.parent}@s1`]);
  await mapLimit(f.flats, 2, async (img) => {
    await c.rbd(["clone", `${f.parent}@s1`, img]);
    const s = performance.now();
    await c.rbd(["flatten", "--no-progress", img]);
    flattenSeconds.push((performance.now() - s) / 1000);
  });
  const use = await usage(c, f);
  const flatBytes = f.flats.map((x) => use.get(x)?.used ?? 0);
  flatUsed = `${round1(flatBytes.reduce((a, b) => a + b, 0) / 2 ** 20)} MiB used by ${CLONES} flattened images (${CLONES} × ${SIZE_MIB} MiB provisioned)`;
  log(`${CLONES} flattened images (clones of s1, 2 flattens at a time); ${flatUsed}`);
  await mapLimit(f.clones, 4, (img) => c.rbd(["clone", `${f.parent}@s1`, img]));
  const info = await c.rbdJson<{ features: string[]; op_features: string[] }>(["info", f.clones[0]]);
  cloneKind = `features ${info.features.join(", ")}; clone format ${info.op_features.includes("clone-child") ? 2 : 1}`;
  const kids = await children(c, `${f.parent}@s1`);
  if (kids.length !== CLONES || f.flats.some((x) => kids.includes(x)))
    throw new Error(`fanout: rbd children of s1 is ${kids.length} images, expected the ${CLONES} clones and no flattened one`);
  log(`${CLONES} clones of ${f.parent}@s1 (${cloneKind}); rbd children of s1: ${kids.length}`);

  for (const n of NS) {
    const cloned = await readTogether(f.clones.slice(0, n));
    const flat = await readTogether(f.flats.slice(0, n));
    pairs.push({ cloned, flat });
    log(`N=${n}: ${round1(cloned.perImageMBps)} MB/s per clone, ${round1(flat.perImageMBps)} per flattened image`);
  }

  writeLoad.push(load()[0]);
  after = await parentWrites("a");
  log(`parent writes, ${CLONES} clones (each the first since a snapshot): ${after.map(round1).join(", ")} MB/s`);
  // The control: the same writes once the clones are gone, in the state the cluster is in now.
  await mapLimit(f.clones, 4, (img) => c.rbd(["rm", "--no-progress", img]));
  writeLoad.push(load()[0]);
  removed = await parentWrites("c");
  log(`parent writes, the clones removed again (each the first since a snapshot): ${removed.map(round1).join(", ")} MB/s`);
} finally {
  await clean();
}

const measuredAt = new Date();
const result = fanoutBench(fsid, measuredAt, pairs, { beforeMBps: median(before), afterMBps: median(after) });
const table = fanoutTable(pairs);
const writeRows = (
  [
    ["before s1 and any clone", before],
    [`with the ${CLONES} clones of s1`, after],
    ["the clones removed again (control)", removed],
  ] as const
).map(([when, runs], i) => ({
  "parent write": when,
  "MB/s, median": round1(median([...runs])),
  runs: runs.map(round1).join(", "),
  "1-min load average": writeLoad[i],
}));
const flatMedian = median(flattenSeconds);
const ratios = [
  `Parent write with ${CLONES} clones / before: ${round2(median(after) / median(before))}; / clones removed: ${round2(median(after) / median(removed))}.`,
  `Flatten, per image (${SIZE_MIB} MiB, 2 at a time): median ${flatMedian.toFixed(2)} s (${Math.min(...flattenSeconds).toFixed(2)}–${Math.max(...flattenSeconds).toFixed(2)}), ${round1((SIZE_MIB * 2 ** 20) / 1e6 / flatMedian)} MB/s.`,
];
const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
const about = [
  `${measuredAt.toISOString()}, commit ${commit}, the real tier's Ceph ${fsid}: ${cluster} (scripts/real-cloud: the OSD's device is a sparse file).`,
  `Taken on a shared machine: ${cpus().length} CPUs, and the real tier serves other engineers' tests meanwhile (load average ${loadBefore.join(" / ")} before, ${load().join(" / ")} after). One run; reported, not asserted. MB = 10^6 bytes.`,
  `Parent: ${SIZE_MIB} MiB of /dev/urandom (\`rbd import\`), snapshot s1 protected; clones (\`rbd clone\` of s1): ${cloneKind}. Flattened images: \`rbd clone\` of s1 then \`rbd flatten\` (${flatUsed}).`,
  `Reads: \`rbd bench --io-type read --io-size ${READ.ioSize} --io-pattern ${READ.pattern} --io-total ${READ.total} --io-threads ${READ.threads}\`, one process per image, the N started together. MB/s per image (basis "together"): each process's bytes between the last one's start and the first one's end (its per-second rows, timed as they came), over that window, averaged over the N; "own" (when they were together under ${MIN_TOGETHER_MS / 1000} s): rbd bench's own ops/sec × io size. Clones then flattened images for each N.`,
  `Parent write: \`rbd bench --io-type write\`, same size, pattern and threads (${WRITE.ioSize} random writes of rbd bench's fill byte, ${WRITE.total} in all) to the parent's head, ${WRITE_RUNS} times each: before s1 and any clone; after the reads, with the 32 clones of s1; then, as a control in the same late state, once the clones were removed. Each right after a fresh snapshot, so each is the first write since a snapshot and pays RADOS's copy-on-write of the objects it touches (the parent holds 1 snapshot at the first write, 10 at the last). s1 (what the clones and flattened images hold) is the random data with the "before" writes on it; the head was not written while the clones read. Flattens: 2 at a time, timed per \`rbd flatten\` process.`,
];
const md = [
  "# Clone fan-out on the real tier (`npm run bench -- fanout`)",
  "",
  ...about.flatMap((l) => [l, ""]),
  ...markdownTable(table),
  "",
  ...markdownTable(writeRows),
  "",
  ...ratios,
].join("\n");
const resultsDir = join(new URL(".", import.meta.url).pathname, "results");
mkdirSync(resultsDir, { recursive: true });
writeFileSync(join(resultsDir, "fanout.md"), `${md}\n`);
writeFileSync(
  join(resultsDir, "fanout.json"),
  `${JSON.stringify({ about, result, table, parentWrites: writeRows, flattenSeconds, read: READ, write: WRITE }, null, 2)}\n`,
);
const path = writeFanoutBench(result);
console.log(`\n${about.join("\n")}`);
console.table(table);
console.table(writeRows);
console.log(ratios.join("\n"));
log(`wrote ${path} and bench/results/fanout.{md,json}`);
