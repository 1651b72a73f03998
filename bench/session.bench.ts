import { benchBff, benchTarget, report } from "./harness";

/**
 * Upstream calls per view for the session layer: how many Keystone requests a login, and then N page
 * loads (GET /api/auth/session + GET /api/catalog), cost with the token cache on and off; and a cold-cache page
 * load, where the layout (GET /api/auth/session) and the page (GET /api/catalog) miss the cache together, as they
 * do under Next when the 30 s entry has expired: validation is single-flight, so they share one. Counts, not times.
 * On a private sim, or with ZENITH_TARGET=real on the real tier.
 */
const target = await benchTarget();
const { username, password, project } = target.users.demo;
const rows: Record<string, unknown>[] = [];
for (const cacheMs of [30_000, 0]) {
  const bff = benchBff(target.authUrl, { ...target.deps, tokenCacheMs: cacheMs });
  await bff.call("POST", "/api/auth/login", { username, password, project });
  const loginCalls = bff.calls.length;
  bff.resetCalls();
  const views = 20;
  for (let i = 0; i < views; i++) {
    await bff.call("GET", "/api/auth/session");
    await bff.call("GET", "/api/catalog");
  }
  rows.push({
    tokenCache: cacheMs ? `${cacheMs / 1000}s` : "off",
    loginKeystoneCalls: loginCalls,
    views,
    keystoneCallsPerView: bff.calls.length / views,
  });
}
{
  // Cold cache: a session signed in on one app, opened on a fresh one (its token cache empty).
  const warm = benchBff(target.authUrl, target.deps);
  await warm.call("POST", "/api/auth/login", { username, password, project });
  const cold = benchBff(target.authUrl, target.deps);
  cold.setCookie(warm.cookie());
  const [layout, page] = await Promise.all([cold.call("GET", "/api/auth/session"), cold.call("GET", "/api/catalog")]);
  if (layout.status !== 200 || page.status !== 200) throw new Error(`cold page load: ${layout.status}/${page.status}`);
  const identity = cold.calls.filter((c) => c.service === "identity").length;
  rows.push({ tokenCache: "cold (layout + page together)", loginKeystoneCalls: "-", views: 1, keystoneCallsPerView: identity });
}
report(`session${target.real ? "-real" : ""}`, rows);
await target.dispose();
