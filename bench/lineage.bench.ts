/**
 * Upstream calls per lineage view (GET /api/admin/lineage) on the `scale` scenario (1k images, 10k servers,
 * 5k volumes), by service, as counts: cold (first view: Ceph dashboard login) and warm (token cached), plus a
 * cleanup dry run. Runs against a private sim it starts itself: `npx tsx bench/lineage.bench.ts`.
 */
import { benchBff, benchSim, report } from "./harness";

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
    rows.push({ request: label, calls: bff.calls.length, byService: Object.entries(by).map(([s, n]) => `${s} ${n}`).join(", ") });
    return res.body;
  };
  const cold = await measure("GET /api/admin/lineage (cold)", "GET", "/api/admin/lineage");
  const warm = await measure("GET /api/admin/lineage (warm)", "GET", "/api/admin/lineage");
  rows.push({ request: "(forest size)", calls: "", byService: `${warm.nodes.length} RBD images, ${warm.trees.length} trees, ${warm.orphans.length} orphans` });
  if (cold.orphans.length) await measure("POST /api/admin/lineage/cleanup (dry run, 1 orphan)", "POST", "/api/admin/lineage/cleanup", { orphans: [cold.orphans[0]], dryRun: true });
  report("lineage", rows);
} finally {
  await sim.dispose();
}
