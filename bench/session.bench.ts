import { benchBff, benchSim, report } from "./harness";

/**
 * Upstream calls per view for the session layer: how many Keystone requests a login, and then N page
 * loads (GET /api/auth/session + GET /api/catalog), cost with the token cache on and off. Counts, not times.
 */
const sim = await benchSim();
const rows: Record<string, unknown>[] = [];
for (const cacheMs of [30_000, 0]) {
  const bff = benchBff(`${sim.url}/identity/v3`, { tokenCacheMs: cacheMs });
  await bff.call("POST", "/api/auth/login", { username: "demo", password: "zenith-demo" });
  const loginCalls = bff.calls.length;
  bff.resetCalls();
  const views = 20;
  for (let i = 0; i < views; i++) {
    await bff.call("GET", "/api/auth/session");
    await bff.call("GET", "/api/catalog");
  }
  rows.push({ tokenCache: cacheMs ? `${cacheMs / 1000}s` : "off", loginKeystoneCalls: loginCalls, views, keystoneCallsPerView: bff.calls.length / views });
}
report("session", rows);
await sim.dispose();
