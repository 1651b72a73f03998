import { Writable } from "node:stream";
import { createApp } from "../app";
import type { BffDeps } from "../deps";
import { createLogger } from "../lib/logger";
import { requestIdFrom } from "../lib/request-context";
import { upstreamTimeouts } from "../deps-from-env";

function appWithLog(over: Partial<BffDeps> = {}) {
  const lines: Record<string, any>[] = [];
  const sink = new Writable({
    write(c, _e, done) {
      for (const l of String(c).split("\n").filter(Boolean)) lines.push(JSON.parse(l));
      done();
    },
  });
  const app = createApp({
    cloud: {
      authUrl: "http://127.0.0.1:1/v3",
      interface: "public",
      source: "ZENITH_AUTH_URL",
      userDomain: "Default",
      projectDomain: "Default",
    },
    sessionSecret: "x".repeat(32),
    fetch: () => Promise.reject(Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } })),
    upstreamTimeoutMs: 1000,
    tokenCacheMs: 0,
    allowedOrigins: [],
    ceph: {},
    nova: { blockDeviceAllocateRetries: 60, blockDeviceAllocateRetriesInterval: 3 },
    logger: createLogger({ ZENITH_LOG_LEVEL: "info" }, sink),
    ...over,
  });
  return {
    app,
    lines,
    get: (path: string, headers: Record<string, string> = {}) => app.request(`http://127.0.0.1:3000${path}`, { headers }),
  };
}

describe("the request log and request ids", () => {
  it("keeps a caller's id of OpenStack's form and replaces anything else", () => {
    const ok = "req-0b7e1d2c-3f4a-4b5c-8d9e-0f1a2b3c4d5e";
    const make = () => "00000000-0000-0000-0000-000000000000";
    expect(requestIdFrom(ok, make)).toBe(ok);
    for (const bad of [
      undefined,
      null,
      "",
      "req-1",
      ok.toUpperCase(),
      `${ok}\nx`,
      ` ${ok}`,
      `req-${"g".repeat(8)}-3f4a-4b5c-8d9e-0f1a2b3c4d5e`,
    ])
      expect(requestIdFrom(bad, make)).toBe(`req-${make()}`);
  });

  it("writes one line per request with the route pattern, status, duration, upstream calls and the error's service", async () => {
    const { lines, get } = appWithLog();
    const id = "req-0b7e1d2c-3f4a-4b5c-8d9e-0f1a2b3c4d5e";
    const ready = await get("/api/readyz", { "x-request-id": id });
    expect(ready.status).toBe(503);
    expect(ready.headers.get("x-request-id")).toBe(id);
    await get("/api/nope/123");
    await new Promise((r) => setImmediate(r));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({
      level: 40,
      requestId: id,
      method: "GET",
      route: "/api/readyz",
      path: "/api/readyz",
      status: 503,
      upstream: [{ service: "identity", method: "GET", path: "/v3", status: "error" }],
    });
    expect(typeof lines[0].ms).toBe("number");
    // An unknown path is labelled by the catch-all pattern, never by its raw path (metric labels stay bounded).
    expect(lines[1]).toMatchObject({ level: 30, status: 404, path: "/api/nope/123" });
    expect(lines[1].route).not.toContain("123");
  });

  it("per-service timeouts: a service's own variable, else ZENITH_UPSTREAM_TIMEOUT_MS, else the default; bad values refused", () => {
    expect(upstreamTimeouts({})).toEqual({
      identity: 10_000,
      compute: 30_000,
      image: 30_000,
      volume: 30_000,
      network: 30_000,
      ceph: 15_000,
    });
    expect(upstreamTimeouts({ ZENITH_UPSTREAM_TIMEOUT_MS: "5000", ZENITH_UPSTREAM_TIMEOUT_MS_COMPUTE: "90000" })).toEqual({
      identity: 5000,
      compute: 90_000,
      image: 5000,
      volume: 5000,
      network: 5000,
      ceph: 5000,
    });
    expect(() => upstreamTimeouts({ ZENITH_UPSTREAM_TIMEOUT_MS_CEPH: "soon" })).toThrow(/ZENITH_UPSTREAM_TIMEOUT_MS_CEPH/);
    expect(() => upstreamTimeouts({ ZENITH_UPSTREAM_TIMEOUT_MS_IMAGE: "0" })).toThrow(/at least 1 ms/);
  });
});
