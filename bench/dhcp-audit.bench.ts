/**
 * Upstream calls per DHCP-HA view (GET /api/admin/dhcp) and per heal dry run, as counts: the audit reads the
 * DHCP agents, networks and subnets together, then the hosting map in one parallel round in the cheaper
 * direction (one call per agent or per network, at most 8 in flight): min(agents, networks) + 3 calls, shown
 * against that bound (a list counts one call per page: the scale scenario pages 2000 networks and their subnets).
 * Runs on private sims (default and scale scenarios): `npx tsx bench/dhcp-audit.bench.ts`; with ZENITH_TARGET=real
 * on the real tier (4 DHCP agents), read only.
 */
import { benchBff, benchTarget, report, rssMb, timingCell } from "./harness";

const rows: Record<string, unknown>[] = [];
const scenarios = process.env.ZENITH_TARGET === "real" ? (["default"] as const) : (["default", "scale"] as const);
for (const scenario of scenarios) {
  const target = await benchTarget(scenario);
  const label = target.name === "real" ? "real" : scenario;
  try {
    const bff = benchBff(target.authUrl, target.deps);
    const { username, password, project } = target.users.admin;
    const login = await bff.call("POST", "/api/auth/login", { username, password, project });
    if (login.status !== 200) throw new Error(`login: ${login.status} ${JSON.stringify(login.body)}`);
    const measure = async (request: string, method: string, path: string, body?: unknown) => {
      bff.resetCalls();
      const res = await bff.call(method, path, body);
      if (res.status !== 200) throw new Error(`${request}: ${res.status} ${JSON.stringify(res.body)}`);
      const network = bff.calls.filter((c) => c.service === "network");
      const perItem = network.filter((c) => /dhcp-(agents|networks)/.test(c.url)).length;
      const agents = res.body.agents?.length;
      const networks = typeof res.body.networks === "number" ? res.body.networks : (res.body.networks?.length ?? res.body.total);
      rows.push({
        target: label,
        request,
        calls: bff.calls.length,
        "min(agents,networks)+3": agents !== undefined ? Math.min(agents, networks) + 3 : "-",
        neutron: network.length,
        hostingCalls: perItem,
        networks: networks ?? "-",
        agents: agents ?? "-",
        steps: res.body.steps?.length ?? "-",
        totalMs: Math.round(res.timing.total?.dur ?? 0),
        serverTiming: timingCell(res.timing),
        KB: Math.round(res.bytes / 102.4) / 10,
      });
      return res.body;
    };
    await measure("GET /api/admin/dhcp (warm session)", "GET", "/api/admin/dhcp");
    await measure("GET /api/admin/dhcp (again)", "GET", "/api/admin/dhcp");
    const paged = await bff.call("GET", "/api/admin/dhcp/networks?limit=50");
    if (paged.status === 200)
      await measure("GET /api/admin/dhcp/networks?below=true&limit=50", "GET", "/api/admin/dhcp/networks?below=true&limit=50");
    await measure("POST /api/admin/dhcp/heal dryRun", "POST", "/api/admin/dhcp/heal", { dryRun: true });
    await measure("GET /api/admin/dhcp?target=3", "GET", "/api/admin/dhcp?target=3");
    for (let i = 0; i < 20; i++) await bff.call("GET", "/api/admin/dhcp");
    rows.push({ target: label, request: "(process RSS after 20 more views, MB)", calls: rssMb() });
  } finally {
    await target.dispose();
  }
}
report(`dhcp-audit${process.env.ZENITH_TARGET === "real" ? "-real" : ""}`, rows);
