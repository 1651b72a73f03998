/**
 * Lineage (Admin → Lineage) on the `scale` scenario (1k images, 10k servers, 5k volumes, 16k RBD images): per
 * request, the upstream calls by service, the answer's bytes and its Server-Timing (the BFF's own time against
 * each upstream service's wait), cold (first view: Ceph dashboard login, the facts gathered) and warm, then the
 * process's RSS after 20 views; then gathers after the shared time (reusing image facts) until the walk is complete,
 * a refresh (every image read again), and trees of ~200 nodes and the biggest. Runs against a private sim it starts
 * itself: `npx tsx bench/lineage.bench.ts`.
 */
import { LINEAGE_SHARED_MS } from "../bff/features/lineage/shared";
import { benchBff, benchSim, report, rssMb, timingCell } from "./harness";

/** Gathers after the first, each once the shared facts expired, until the walk is complete (LINEAGE_BENCH_REGATHERS). */
const REGATHERS = Number(process.env.LINEAGE_BENCH_REGATHERS ?? 4);
type Coverage = { read: number; calls?: number; reused?: number; listed?: number | null; truncated: boolean };
const coverageCell = (c: Coverage) =>
  `read ${c.read} (${c.calls ?? "?"} from Ceph, ${c.reused ?? 0} reused) of ${c.listed ?? "?"} listed${c.truncated ? ", stopped at the bound" : ", complete"}`;

const rows: Record<string, unknown>[] = [];
const sim = await benchSim("scale");
try {
  const bff = benchBff(`${sim.url}/identity/v3`);
  const login = await bff.call("POST", "/api/auth/login", { username: "admin", password: sim.state.config.adminPassword });
  if (login.status !== 200) throw new Error(`login: ${login.status} ${JSON.stringify(login.body)}`);
  const measure = async (label: string, method: string, path: string, json?: unknown) => {
    bff.resetCalls();
    const res = await bff.call(method, path, json);
    if (res.status !== 200) throw new Error(`${label}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
    const by: Record<string, number> = {};
    for (const c of bff.calls) by[c.service] = (by[c.service] ?? 0) + 1;
    rows.push({
      request: label,
      calls: bff.calls.length,
      byService: Object.entries(by)
        .map(([s, n]) => `${s} ${n}`)
        .join(", "),
      totalMs: Math.round(res.timing.total?.dur ?? 0),
      serverTiming: timingCell(res.timing),
      KB: Math.round(res.bytes / 102.4) / 10,
    });
    return res.body;
  };
  const first = "/api/admin/lineage";
  const cold = await measure(`GET ${first} (cold)`, "GET", first);
  if (cold.coverage) rows.push({ request: "(its coverage)", calls: "", byService: coverageCell(cold.coverage) });
  const warm = await measure(`GET ${first} (warm)`, "GET", first);
  if (warm.nodes)
    rows.push({
      request: "(forest size)",
      calls: "",
      byService: `${warm.nodes.length} RBD images, ${warm.trees.length} trees, ${warm.orphans.length} orphans`,
    });
  if (warm.roots) {
    rows.push({
      request: "(forest size)",
      calls: "",
      byService: `${warm.totals.nodes} RBD images, ${warm.roots.total} trees, ${warm.orphans.length} orphans`,
    });
    // The whole forest from the same shared facts: the document the view answered with before the summary.
    await measure("GET /api/admin/lineage/forest (whole forest, shared facts)", "GET", "/api/admin/lineage/forest");
    // After the shared time: a gather that reuses the image facts of the last RBD_FACTS_TTL_MS and reads the rest
    // (new seeds, images past the last walk's bound), so a walk that stopped at its bound goes on.
    // A slow gather (> LINEAGE_SLOW_GATHER_MS) does not keep the viewer waiting: the view answers from the last one
    // (regathering) and the gather runs behind it; its calls are counted until a view answers from it.
    for (let i = 1; i <= REGATHERS; i++) {
      await new Promise((r) => setTimeout(r, LINEAGE_SHARED_MS + 500));
      const started = Date.now();
      let again = await measure(`GET ${first} (view ${i + 1}, after the shared ${LINEAGE_SHARED_MS / 1000} s)`, "GET", first);
      rows.push({ request: "(its answer)", calls: "", byService: `regathering: ${again.regathering}` });
      while (again.regathering) {
        await new Promise((r) => setTimeout(r, 1000));
        again = (await bff.call("GET", first)).body;
      }
      const by: Record<string, number> = {};
      for (const c of bff.calls) by[c.service] = (by[c.service] ?? 0) + 1;
      rows.push({
        request: `(gather ${i + 1}: ${Math.round((Date.now() - started) / 1000)} s until a view answered from it)`,
        calls: bff.calls.length,
        byService: `${Object.entries(by)
          .map(([k, n]) => `${k} ${n}`)
          .join(", ")}; ${coverageCell(again.coverage)}`,
      });
      if (!again.coverage.truncated) break;
    }
    const all = await bff.call("GET", "/api/admin/lineage?limit=500");
    const big = [...(all.body.roots.items as { root: string; nodes: number }[])].sort((a, b) => b.nodes - a.nodes)[0];
    await measure(
      `GET /api/admin/lineage/tree (${big.nodes} nodes, the biggest)`,
      "GET",
      `/api/admin/lineage/tree?root=${encodeURIComponent(big.root)}`,
    );
    const refreshed = await measure("GET /api/admin/lineage?refresh=true", "GET", "/api/admin/lineage?refresh=true");
    rows.push({ request: "(its coverage)", calls: "", byService: coverageCell(refreshed.coverage) });
    const clone = (await bff.call("GET", `/api/admin/lineage/tree?root=${encodeURIComponent(big.root)}`)).body.rows.at(-1).spec;
    await measure("GET /api/admin/lineage/search (a clone's RBD spec)", "GET", `/api/admin/lineage/search?q=${encodeURIComponent(clone)}`);
  }
  if (cold.orphans.length)
    await measure("POST /api/admin/lineage/cleanup (dry run, 1 orphan)", "POST", "/api/admin/lineage/cleanup", {
      orphans: [cold.orphans[0].spec ?? cold.orphans[0]],
      dryRun: true,
    });
  for (let i = 0; i < 20; i++) await bff.call("GET", first);
  rows.push({ request: "(process RSS after 20 more views, MB)", calls: "", byService: String(rssMb()) });
} finally {
  await sim.dispose();
}

// The scale scenario's trees hold ~15 images each: a tree of ~200 is made on a default sim (199 `rbd clone`s of the raw image).
const small = await benchSim("default");
try {
  const bff = benchBff(`${small.url}/identity/v3`);
  await bff.call("POST", "/api/auth/login", { username: "admin", password: small.state.config.adminPassword });
  const made = await fetch(`${small.url}/_sim/rbd-clones`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ image: "centos-7-raw", pool: "vms", prefix: "bench-200", count: 199 }),
  });
  if (!made.ok) throw new Error(`rbd-clones: ${made.status} ${await made.text()}`);
  const s = await bff.call("GET", "/api/admin/lineage?refresh=true&limit=500");
  const t = (s.body.roots.items as { root: string; nodes: number; label: string }[]).find((r) => r.label === "centos-7-raw")!;
  bff.resetCalls();
  const res = await bff.call("GET", `/api/admin/lineage/tree?root=${encodeURIComponent(t.root)}`);
  rows.push({
    request: `GET /api/admin/lineage/tree (${res.body.rows.length} nodes, default scenario + 199 clones)`,
    calls: bff.calls.length,
    byService: "",
    totalMs: Math.round(res.timing.total?.dur ?? 0),
    serverTiming: timingCell(res.timing),
    KB: Math.round(res.bytes / 102.4) / 10,
  });
} finally {
  await small.dispose();
}
report("lineage", rows);
