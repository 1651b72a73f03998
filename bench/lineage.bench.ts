/**
 * Lineage (Admin → Lineage) on the `scale` scenario (1k images, 10k servers, 5k volumes, 16k RBD images): per
 * request, the upstream calls by service, the answer's bytes and its Server-Timing (the BFF's own time against
 * each upstream service's wait), cold (first view: Ceph dashboard login, the facts gathered) and warm, then the
 * process's RSS after 20 views. Runs against a private sim it starts itself: `npx tsx bench/lineage.bench.ts`.
 */
import { benchBff, benchSim, report, rssMb, timingCell } from "./harness";

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
    await measure("GET /api/admin/lineage?refresh=true", "GET", "/api/admin/lineage?refresh=true");
    const big = [...warm.roots.items].sort((a: any, b: any) => b.nodes - a.nodes)[0];
    await measure(
      `GET /api/admin/lineage/tree (${big.nodes} nodes)`,
      "GET",
      `/api/admin/lineage/tree?root=${encodeURIComponent(big.root)}`,
    );
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
