// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from "vitest";
import { api, browserNavigation, loginUrlFor } from "./client";
import { createApiClient } from "./create-client";
import { ApiError, request } from "./errors";

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

afterEach(() => {
  vi.restoreAllMocks();
  window.history.replaceState(null, "", "/");
});

describe("the BFF client", () => {
  it("marks every request with X-Zenith-Request: 1", async () => {
    const seen: Request[] = [];
    const api = createApiClient({ baseUrl: "http://zenith.test", fetch: async (r) => (seen.push(r), json(200, { services: [] })) });
    await api.GET("/api/catalog");
    await api.POST("/api/auth/logout");
    expect(seen.map((r) => r.headers.get("X-Zenith-Request"))).toEqual(["1", "1"]);
  });

  it("gives every request its own X-Request-Id in OpenStack's req-<uuid> form", async () => {
    const seen: Request[] = [];
    const api = createApiClient({ baseUrl: "http://zenith.test", fetch: async (r) => (seen.push(r), json(200, { services: [] })) });
    await api.GET("/api/catalog");
    await api.GET("/api/catalog");
    const ids = seen.map((r) => r.headers.get("X-Request-Id"));
    for (const id of ids) expect(id).toMatch(/^req-[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}$/);
    expect(ids[0]).not.toBe(ids[1]);
  });

  it("sends the user to /login with the current page as next on session_expired", async () => {
    const assign = vi.spyOn(browserNavigation, "assign").mockImplementation(() => {});
    window.history.replaceState(null, "", "/admin/system?tab=probes");
    const api = createApiClient({
      baseUrl: "http://zenith.test",
      fetch: async () => json(401, { code: "session_expired", message: "expired", requestId: "r1" }),
    });
    await expect(request(api.GET("/api/catalog"))).rejects.toMatchObject({ status: 401, code: "session_expired" });
    expect(assign).toHaveBeenCalledWith("/login?next=%2Fadmin%2Fsystem%3Ftab%3Dprobes");
  });

  it("does not redirect for a wrong password or on the login page itself", async () => {
    const assign = vi.spyOn(browserNavigation, "assign").mockImplementation(() => {});
    window.history.replaceState(null, "", "/login");
    const api = createApiClient({
      baseUrl: "http://zenith.test",
      fetch: async () => json(401, { code: "unauthenticated", message: "no", requestId: "r2" }),
    });
    await expect(request(api.GET("/api/auth/session"))).rejects.toBeInstanceOf(ApiError);
    window.history.replaceState(null, "", "/project");
    const wrong = createApiClient({
      baseUrl: "http://zenith.test",
      fetch: async () => json(401, { code: "invalid_credentials", message: "Wrong", requestId: "r3" }),
    });
    await expect(request(wrong.GET("/api/auth/session"))).rejects.toMatchObject({ code: "invalid_credentials" });
    expect(assign).not.toHaveBeenCalled();
  });

  it("turns the error envelope and network failures into ApiError", async () => {
    const api = createApiClient({
      baseUrl: "http://zenith.test",
      fetch: async () => json(502, { code: "upstream_error", message: "Nova (compute) answered 503", requestId: "r4", service: "compute" }),
    });
    const err = await request(api.GET("/api/catalog")).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 502, message: "Nova (compute) answered 503", service: "compute", requestId: "r4" });

    const down = createApiClient({ baseUrl: "http://zenith.test", fetch: async () => Promise.reject(new TypeError("fetch failed")) });
    await expect(request(down.GET("/api/catalog"))).rejects.toMatchObject({ status: 0, code: "network" });
  });

  it("never puts the login page itself into next", () => {
    expect(loginUrlFor({ pathname: "/", search: "" })).toBe("/login");
    expect(loginUrlFor({ pathname: "/login", search: "?next=%2Fx" })).toBe("/login");
    expect(loginUrlFor({ pathname: "/project/volumes", search: "" })).toBe("/login?next=%2Fproject%2Fvolumes");
  });

  it("the browser's api loads the client on first call and works as the eager one: same origin, marked, errors typed", async () => {
    const seen: Request[] = [];
    vi.spyOn(globalThis, "fetch").mockImplementation(async (r) => {
      seen.push(r as Request);
      return (r as Request).url.endsWith("/api/catalog")
        ? json(200, { services: [] })
        : json(404, { code: "not_found", message: "no", requestId: "r5" });
    });
    await expect(request(api.GET("/api/catalog"))).resolves.toEqual({ services: [] });
    await expect(request(api.GET("/api/instances/{id}", { params: { path: { id: "x" } } }))).rejects.toMatchObject({
      status: 404,
      code: "not_found",
    });
    expect(seen.map((r) => [r.url, r.headers.get("X-Zenith-Request")])).toEqual([
      [`${window.location.origin}/api/catalog`, "1"],
      [`${window.location.origin}/api/instances/x`, "1"],
    ]);
  });
});
