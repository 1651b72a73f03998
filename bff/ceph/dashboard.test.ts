import { afterEach, describe, expect, it } from "vitest";
import { createHttp } from "../openstack/http";
import { ApiError } from "../errors";
import { BREAKER_OPEN_MS, assertClosed, resetBreakers, trip } from "./breaker";
import { withRequest, type RequestContext } from "../lib/request-context";
import { cephRequestId, createCephDashboard } from "./dashboard";

const refused = () =>
  Object.assign(new TypeError("fetch failed"), {
    cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:8443"), { code: "ECONNREFUSED" }),
  });
const reset = () =>
  Object.assign(new TypeError("fetch failed"), { cause: Object.assign(new Error("other side closed"), { code: "UND_ERR_SOCKET" }) });

/** A dashboard whose login works and whose image reads fail with `fail`, counting every request by path. */
function dashboard(fail: () => Error) {
  const calls: string[] = [];
  const fetch = async (url: string, init: RequestInit) => {
    const u = new URL(url);
    calls.push(`${init.method} ${u.pathname}${u.search}`);
    if (u.pathname === "/api/auth") return new Response(JSON.stringify({ token: "t" }), { status: 201 });
    throw fail();
  };
  const http = createHttp({ fetch: fetch as never, timeoutMs: 1000 });
  return {
    calls,
    ceph: createCephDashboard(http, `http://d${Math.floor(Math.random() * 1e9)}.test:8443`, { username: "admin", password: "x" }),
  };
}

afterEach(() => resetBreakers());

describe("Ceph Dashboard client", () => {
  it("never retries a read whose connection was refused, and says where it is registered", async () => {
    const { calls, ceph } = dashboard(refused);
    const err = await ceph.image("images", "a").catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({
      status: 502,
      code: "ceph_unavailable",
      extra: { details: { reason: "not_answering", cause: "ECONNREFUSED" } },
    });
    expect(err.message).not.toMatch(/Register/);
    expect(calls.filter((c) => c.startsWith("GET"))).toHaveLength(1);
  });

  it("stops calling after a reset connection: the next reads answer 'paused' without a request", async () => {
    const { calls, ceph } = dashboard(reset);
    await ceph.image("images", "a").catch(() => {});
    const before = calls.length;
    const again = await ceph.image("images", "b").catch((e) => e);
    const fsid = await ceph.fsid().catch((e) => e);
    expect(calls.length).toBe(before);
    expect(again).toMatchObject({ status: 503, extra: { details: { reason: "paused", cause: "UND_ERR_SOCKET" } } });
    expect(again.extra.details.retryAfterS).toBeGreaterThan(0);
    expect(fsid.extra.details.reason).toBe("paused");
  });

  it("reads images with omit_usage=true; the usage read is a separate, explicit call", async () => {
    const seen: string[] = [];
    const fetch = async (url: string) => {
      const u = new URL(url);
      seen.push(`${u.pathname}${u.search}`);
      if (u.pathname === "/api/auth") return new Response(JSON.stringify({ token: "t" }), { status: 201 });
      return new Response(JSON.stringify({ name: "a", pool_name: "images", size: 0, parent: null, snapshots: [] }), { status: 200 });
    };
    const ceph = createCephDashboard(createHttp({ fetch: fetch as never, timeoutMs: 1000 }), "http://ok.test:1", {
      username: "admin",
      password: "x",
    });
    await ceph.image("images", "a");
    expect(seen.filter((s) => s.startsWith("/api/block/image"))).toEqual(["/api/block/image/images%2Fa?omit_usage=true"]);
  });
});

describe("breaker", () => {
  it("closes again once the pause is over", () => {
    trip("http://d", "ECONNRESET", 1_000);
    expect(() => assertClosed("http://d", 1_000 + BREAKER_OPEN_MS - 1)).toThrow(/not calling it again/);
    expect(() => assertClosed("http://d", 1_000 + BREAKER_OPEN_MS)).not.toThrow();
  });
  it("concurrent reads with a cold token share one login", async () => {
    const seen: string[] = [];
    const fetch = async (url: string) => {
      const u = new URL(url);
      seen.push(u.pathname);
      if (u.pathname === "/api/auth") {
        await new Promise((r) => setTimeout(r, 20));
        return new Response(JSON.stringify({ token: "t" }), { status: 201 });
      }
      return new Response(JSON.stringify({ name: "a", pool_name: "images", size: 0, parent: null, snapshots: [] }), { status: 200 });
    };
    const ceph = createCephDashboard(
      createHttp({ fetch: fetch as never, timeoutMs: 1000 }),
      `http://cold${Math.floor(Math.random() * 1e9)}.test:1`,
      { username: "admin", password: "x" },
    );
    await Promise.all(["a", "b", "c", "d"].map((n) => ceph.image("images", n)));
    expect(seen.filter((p) => p === "/api/auth")).toHaveLength(1);
    expect(seen.filter((p) => p.startsWith("/api/block/image/"))).toHaveLength(4);
  });

  // Ceph 16's wire formats (the real tier's dashboard): CherryPy's error page with `request_id` in the body, no id header;
  // a DashboardException body without one.
  const CHERRYPY_500 = JSON.stringify({
    status: "500 Internal Server Error",
    detail: "The server encountered an unexpected condition which prevented it from fulfilling the request.",
    request_id: "93d4d079-42b6-4f51-ae83-b329de4aaf7e",
  });
  const DASHBOARD_400 = JSON.stringify({ detail: "[errno 16] RBD image is busy", code: "16", component: "rbd" });
  function answering(status: number, body: string) {
    const fetch = async (url: string) =>
      new URL(url).pathname === "/api/auth"
        ? new Response(JSON.stringify({ token: "t" }), { status: 201 })
        : new Response(body, { status, headers: { "Content-Type": "application/json" } });
    return createCephDashboard(
      createHttp({ fetch: fetch as never, timeoutMs: 1000 }),
      `http://rid${Math.floor(Math.random() * 1e9)}.test:1`,
      {
        username: "admin",
        password: "x",
      },
    );
  }

  it("carries the dashboard's request_id from an error page as upstreamRequestId, and onto the request's log line", async () => {
    const ctx: RequestContext = { requestId: "req-x", route: "/api/admin/lineage", calls: [] };
    const err = await withRequest(ctx, () => answering(500, CHERRYPY_500).image("images", "a")).catch((e) => e);
    expect(err).toMatchObject({
      status: 502,
      code: "upstream_error",
      extra: { service: "ceph", upstreamRequestId: "93d4d079-42b6-4f51-ae83-b329de4aaf7e" },
    });
    expect(ctx.calls.map((c) => [c.path, c.upstreamRequestId])).toEqual([
      ["/api/auth", undefined],
      ["/api/block/image/images%2Fa", "93d4d079-42b6-4f51-ae83-b329de4aaf7e"],
    ]);
    const change = await answering(500, CHERRYPY_500)
      .mutate({ op: "delete-image", pool: "images", name: "a" })
      .catch((e) => e);
    expect(change.extra.upstreamRequestId).toBe("93d4d079-42b6-4f51-ae83-b329de4aaf7e");
  });

  it("has no upstreamRequestId when the dashboard's body has none (a DashboardException)", async () => {
    const err = await answering(400, DASHBOARD_400)
      .mutate({ op: "delete-image", pool: "images", name: "a" })
      .catch((e) => e);
    expect(err).toMatchObject({ status: 400, code: "upstream_bad_request", extra: { service: "ceph" } });
    expect(err.extra.upstreamRequestId).toBeUndefined();
    expect(cephRequestId("<html>500</html>")).toBeUndefined();
    expect(cephRequestId(JSON.stringify({ request_id: "x\ny" }))).toBeUndefined();
  });
});
