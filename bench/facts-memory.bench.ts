/**
 * Where the BFF's memory goes at scale: the heap (after a full GC) of an in-process BFF before and after the facts
 * Lineage and DHCP HA keep for reuse on the `scale` scenario (16k RBD images, 2k networks × 100 DHCP agents), then
 * what each kept part holds (the heap freed when it is forgotten): DHCP's Neutron facts, Lineage's gathered forest
 * (nodes, tree rows, indexes) and the per-image RBD facts reused across gathers.
 *
 * Needs `--expose-gc`: `node --expose-gc --import tsx bench/facts-memory.bench.ts`. Against a running scale sim
 * (BENCH_SIM_URL, e.g. http://127.0.0.1:5136), else it starts one (minutes). Writes bench/results/facts-memory.json.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { benchBff, report } from "./harness";
import { startGroup, waitHttp } from "./ui/processes";

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with node --expose-gc");
const MiB = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;
const settle = async () => {
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((r) => setTimeout(r, 50));
  }
  return process.memoryUsage();
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const root = new URL("..", import.meta.url).pathname;
let simUrl = process.env.BENCH_SIM_URL;
let stopSim = async () => {};
if (!simUrl) {
  const dir = mkdtempSync(join(tmpdir(), "zenith-bench-mem-"));
  const port = Number(process.env.BENCH_SIM_PORT ?? 5137);
  const sim = startGroup(
    "node",
    ["--import", "tsx", "sim/main.ts"],
    { ...process.env, SIM_PORT: String(port), SIM_DB: join(dir, "sim.sqlite"), SIM_SCENARIO: "scale", SIM_CONTROLS: "1" },
    join(dir, "sim.log"),
    root,
  );
  stopSim = async () => {
    await sim.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  simUrl = `http://127.0.0.1:${port}`;
  await waitHttp(`${simUrl}/identity/v3`, 600);
}

const rows: Record<string, unknown>[] = [];
/** The highest of each figure since the last step (sampled every 100 ms): what a gather needs while it runs. */
const peak = { heapUsed: 0, heapTotal: 0, external: 0, rss: 0 };
/** BENCH_LIVE=1: a full GC every second too, so the peak heap is what a gather keeps alive (not its garbage). */
const live = process.env.BENCH_LIVE === "1";
let ticks = 0;
const sampler = setInterval(() => {
  if (live && ++ticks % 10 === 0) gc();
  const m = process.memoryUsage();
  for (const k of Object.keys(peak) as (keyof typeof peak)[]) peak[k] = Math.max(peak[k], m[k]);
}, 100);
const step = (what: string, m: NodeJS.MemoryUsage, extra = "") => {
  const during = `peak heap ${MiB(peak.heapUsed)} (of ${MiB(peak.heapTotal)}), external ${MiB(peak.external)}, rss ${MiB(peak.rss)}`;
  rows.push({ step: what, heapMiB: MiB(m.heapUsed), rssMiB: MiB(m.rss), during, note: extra });
  console.log(`${what}: heap ${MiB(m.heapUsed)} MiB, rss ${MiB(m.rss)} MiB; ${during}; ${extra}`);
  for (const k of Object.keys(peak) as (keyof typeof peak)[]) peak[k] = 0;
};
try {
  // Shared 5 s (not 30): the gather behind the shown facts is waited for sooner; every other setting as deployed.
  const bff = benchBff(`${simUrl}/identity/v3`, { lineageSharedMs: 5_000 });
  const login = await bff.call("POST", "/api/auth/login", {
    username: "admin",
    password: process.env.ZENITH_ADMIN_PASSWORD ?? "zenith-admin",
  });
  if (login.status !== 200) throw new Error(`login: ${login.status}`);
  const base = await settle();
  step("signed in", base);
  const get = async (path: string) => {
    const res = await bff.call("GET", path);
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
    return res.body;
  };
  let t = Date.now();
  let lineage = await get("/api/admin/lineage");
  step(
    "Lineage first view (a gather a viewer waits for)",
    await settle(),
    `${lineage.totals.nodes} images, ${Math.round((Date.now() - t) / 1000)} s`,
  );
  // Past the shared time: the answer is the last facts (regathering) and a gather reads the rest behind it.
  t = Date.now();
  for (;;) {
    await sleep(5_500);
    lineage = await get("/api/admin/lineage");
    if (!lineage.regathering && !lineage.coverage.truncated) break;
    if (!lineage.regathering) continue;
    while (lineage.regathering) {
      await sleep(1_000);
      lineage = await get("/api/admin/lineage");
    }
    if (!lineage.coverage.truncated) break;
  }
  const full = await settle();
  step(
    "Lineage walk complete (held: the forest and every image's RBD facts)",
    full,
    `${lineage.totals.nodes} images, ${Math.round((Date.now() - t) / 1000)} s`,
  );
  t = Date.now();
  const dhcp = await get("/api/admin/dhcp");
  const all = await settle();
  step("DHCP HA view", all, `${dhcp.networks} networks, ${dhcp.agents.length} agents, ${Math.round((Date.now() - t) / 1000)} s`);

  // What each part holds: the heap freed when it is forgotten.
  const s = bff.services;
  s.dhcpFacts.forget("cloud");
  const noDhcp = await settle();
  rows.push({ step: "held by DHCP's Neutron facts", heapMiB: MiB(all.heapUsed - noDhcp.heapUsed), rssMiB: "", note: "" });
  const images = s.rbdFacts.size();
  // Only the specs are kept from the forest (a reference to it would keep it all).
  const specs = [...(await s.lineageFacts.get("cloud", () => Promise.reject(new Error("gone")))).value.forest.byNode.keys()].map(
    (x) => `${x}`,
  );
  s.lineageFacts.forget("cloud");
  const noForest = await settle();
  rows.push({
    step: "held by Lineage's gathered forest",
    heapMiB: MiB(noDhcp.heapUsed - noForest.heapUsed),
    rssMiB: "",
    note: `${specs.length} nodes`,
  });
  s.rbdFacts.forget(specs);
  const none = await settle();
  rows.push({
    step: "held by the reused RBD facts",
    heapMiB: MiB(noForest.heapUsed - none.heapUsed),
    rssMiB: "",
    note: `${images} images`,
  });
  step("all facts forgotten", none);
} finally {
  clearInterval(sampler);
  await stopSim();
}
report(live ? "facts-memory-live" : "facts-memory", rows);
