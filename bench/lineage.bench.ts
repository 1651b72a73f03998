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

const sim = await benchSim("scale");
try {
  const bff = benchBff(`${sim.url}/identity/v3`);
  const login = await bff.call("POST", "/api/auth/login", { username: "admin", password: sim.state.config.adminPassword });
  if (login.status !== 200) throw new Error(`login: ${login.status} ${JSON.stringify(login.body)}`);
  const rows: Record<string, unknown>[] = [];
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
    for (let i = 1; i <= REGATHERS; i++) {
      await new Promise((r) => setTimeout(r, LINEAGE_SHARED_MS + 500));
      const again = await measure(`GET ${first} (gather ${i + 1}, after the shared ${LINEAGE_SHARED_MS / 1000} s)`, "GET", first);
      rows.push({ request: "(its coverage)", calls: "", byService: coverageCell(again.coverage) });
      if (!again.coverage.truncated) break;
    }
    const refreshed = await measure("GET /api/admin/lineage?refresh=true", "GET", "/api/admin/lineage?refresh=true");
    rows.push({ request: "(its coverage)", calls: "", byService: coverageCell(refreshed.coverage) });
    const all = await bff.call("GET", "/api/admin/lineage?limit=500");
    const items = all.body.roots.items as { root: string; nodes: number }[];
    const big = [...items].sort((a, b) => b.nodes - a.nodes)[0];
    const near200 = [...items].sort((a, b) => Math.abs(a.nodes - 200) - Math.abs(b.nodes - 200))[0];
    for (const t of near200 === big ? [big] : [near200, big])
      await measure(`GET /api/admin/lineage/tree (${t.nodes} nodes)`, "GET", `/api/admin/lineage/tree?root=${encodeURIComponent(t.root)}`);
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
  report("lineage", rows);
} finally {
  await sim.dispose();
}
