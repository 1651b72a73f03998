import { createHttp, upstreamError, upstreamMessage, type UpstreamCall } from "./http";
import { withRequest } from "../lib/request-context";
import { ApiError } from "../errors";

describe("upstream HTTP", () => {
  it("extracts the message of every OpenStack error shape", () => {
    expect(upstreamMessage('{"itemNotFound":{"code":404,"message":"Server x could not be found."}}')).toBe("Server x could not be found.");
    expect(upstreamMessage('{"NeutronError":{"type":"X","message":"Network y not found.","detail":""}}')).toBe("Network y not found.");
    expect(
      upstreamMessage('{"error":{"code":401,"title":"Unauthorized","message":"The request you have made requires authentication."}}'),
    ).toMatch(/requires authentication/);
    expect(upstreamMessage("<html><body><h1>409 Conflict</h1>Image in use</body></html>")).toBe("409 Conflict Image in use");
  });

  it("names the service and keeps 4xx statuses; 5xx become 502", () => {
    const e = upstreamError("compute", 404, '{"itemNotFound":{"message":"gone"}}', "req-1");
    expect(e).toMatchObject({
      status: 404,
      message: "Nova (compute) answered 404: gone",
      extra: { service: "compute", upstreamRequestId: "req-1" },
    });
    expect(upstreamError("image", 500, "boom").status).toBe(502);
    expect(upstreamError("identity", 401, "").code).toBe("session_expired");
  });

  it("hands fetch the URL and a string body, never a Request (Next re-sends a Request's body chunked)", async () => {
    const seen: unknown[][] = [];
    const fetch = async (...args: unknown[]) => {
      seen.push(args);
      return new Response("{}", { status: 201 });
    };
    const http = createHttp({ fetch: fetch as any, timeoutMs: 1000 });
    await http.raw({ service: "identity", method: "POST", url: "http://x/v3/auth/tokens", json: { auth: {} } });
    await http.raw({ service: "image", method: "PUT", url: "http://x/v2/images/1/file", body: new Uint8Array([1, 2]) });
    expect(seen[0][0]).toBe("http://x/v3/auth/tokens");
    expect(seen[0][1]).toMatchObject({ method: "POST", body: '{"auth":{}}' });
    expect(seen[1][1]).toMatchObject({ body: new Uint8Array([1, 2]) });
  });

  it("sends a Content-Length with every JSON body over a real socket", async () => {
    const { createServer } = await import("node:http");
    const heard: Record<string, string | undefined>[] = [];
    const server = createServer((req, res) => {
      heard.push({ length: req.headers["content-length"], te: req.headers["transfer-encoding"] });
      req.resume();
      req.on("end", () => res.end("{}"));
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const { port } = server.address() as { port: number };
    const http = createHttp({ fetch: (u, i) => globalThis.fetch(u, i), timeoutMs: 5000 });
    await http.raw({
      service: "compute",
      method: "POST",
      url: `http://127.0.0.1:${port}/servers/1/action`,
      json: { reboot: { type: "SOFT" } },
    });
    server.close();
    expect(heard).toEqual([{ length: String('{"reboot":{"type":"SOFT"}}'.length), te: undefined }]);
  });

  it("never retries a 5xx, nor any POST; a GET is sent once more only when its connection failed before an answer", async () => {
    let calls = 0;
    const busy = async () => {
      calls++;
      return new Response("busy", { status: 503 });
    };
    const http = createHttp({ fetch: busy as any, timeoutMs: 1000 });
    expect((await http.raw({ service: "compute", url: "http://x/servers" })).status).toBe(503);
    expect(calls).toBe(1);
    const reset = () =>
      Object.assign(new TypeError("fetch failed"), { cause: Object.assign(new Error("other side closed"), { code: "UND_ERR_SOCKET" }) });
    calls = 0;
    const flaky = async () => {
      calls++;
      if (calls === 1) throw reset();
      return new Response("{}", { status: 200 });
    };
    const h2 = createHttp({ fetch: flaky as any, timeoutMs: 1000 });
    expect((await h2.raw({ service: "compute", url: "http://x/servers" })).status).toBe(200);
    expect(calls).toBe(2);
    calls = 0;
    const err = await h2.raw({ service: "compute", method: "POST", url: "http://x/servers", json: {} }).catch((e) => e);
    expect(err).toMatchObject({
      status: 502,
      code: "upstream_unreachable",
      extra: { service: "compute", details: { cause: "UND_ERR_SOCKET" } },
    });
    expect(calls).toBe(1);
    calls = 0;
    const down = async () => {
      calls++;
      throw reset();
    };
    const h3 = createHttp({ fetch: down as any, timeoutMs: 1000 });
    await expect(h3.raw({ service: "image", url: "http://x/v2/images" })).rejects.toMatchObject({ status: 502 });
    expect(calls).toBe(2);
    calls = 0;
    await h3.raw({ service: "image", url: "http://x/", retry: false }).catch(() => undefined);
    expect(calls).toBe(1);
  });

  it("uses each service's own timeout, then the default", async () => {
    const hang = (_url: string, init: RequestInit) =>
      new Promise<Response>((_, reject) => init.signal!.addEventListener("abort", () => reject(init.signal!.reason)));
    const http = createHttp({ fetch: hang as any, timeoutMs: 5000, timeouts: { identity: 30 } });
    const err = await http.raw({ service: "identity", method: "POST", url: "http://x/v3/auth/tokens" }).catch((e) => e);
    expect(err).toMatchObject({ status: 504, code: "upstream_timeout", extra: { service: "identity", details: { timeoutMs: 30 } } });
  });

  it("carries the service's request id and Retry-After on a 5xx, and maps its own 504 to 504", async () => {
    const answer = (status: number, headers: Record<string, string>) => async () =>
      new Response('{"computeFault":{"code":500,"message":"boom"}}', { status, headers });
    const e500 = await createHttp({ fetch: answer(500, { "x-compute-request-id": "req-c" }) as any, timeoutMs: 1000 })
      .json({ service: "compute", url: "http://x/servers" })
      .catch((e) => e);
    expect(e500).toMatchObject({
      status: 502,
      code: "upstream_error",
      extra: { service: "compute", upstreamRequestId: "req-c", details: { status: 500 } },
    });
    const e503 = await createHttp({ fetch: answer(503, { "x-openstack-request-id": "req-o", "retry-after": "7" }) as any, timeoutMs: 1000 })
      .json({ service: "volume", url: "http://x/volumes" })
      .catch((e) => e);
    expect(e503).toMatchObject({ status: 502, extra: { upstreamRequestId: "req-o", details: { status: 503, retryAfterS: 7 } } });
    const e504 = await createHttp({ fetch: answer(504, {}) as any, timeoutMs: 1000 })
      .json({ service: "network", url: "http://x/networks" })
      .catch((e) => e);
    expect(e504).toMatchObject({ status: 504, code: "upstream_timeout", extra: { service: "network" } });
  });

  it("sends the request's id upstream as X-OpenStack-Request-ID (not to the Ceph Dashboard) and reports the call to its route", async () => {
    const heard: Record<string, string>[] = [];
    const fetch = async (_u: string, init: RequestInit) => {
      heard.push(init.headers as Record<string, string>);
      return new Response("{}", { headers: { "x-openstack-request-id": "req-up" } });
    };
    const calls: UpstreamCall[] = [];
    const http = createHttp({ fetch: fetch as any, timeoutMs: 1000, onCall: (c) => calls.push(c) });
    const ctx = { requestId: "req-11111111-2222-3333-4444-555555555555", route: "/api/instances", calls: [] };
    await withRequest(ctx, async () => {
      await http.raw({ service: "compute", url: "http://x/servers" });
      await http.raw({ service: "ceph", url: "http://x/api/health" });
    });
    await http.raw({ service: "compute", url: "http://x/servers" });
    expect(heard.map((h) => h["X-OpenStack-Request-ID"])).toEqual([ctx.requestId, undefined, undefined]);
    expect(calls.map((c) => c.route)).toEqual(["/api/instances", "/api/instances", "none"]);
    expect(ctx.calls).toMatchObject([
      { service: "compute", method: "GET", path: "/servers", status: 200, upstreamRequestId: "req-up" },
      { service: "ceph" },
    ]);
  });

  it("opens the breaker after N consecutive failures, answers 503 at once while open, and closes after a good trial", async () => {
    let now = 1_000_000;
    vi.spyOn(Date, "now").mockImplementation(() => now);
    try {
      let status = 500;
      let calls = 0;
      const fetch = async () => {
        calls++;
        return new Response("x", { status });
      };
      const http = createHttp({ fetch: fetch as any, timeoutMs: 1000, breaker: { failures: 3, coolDownMs: 10_000 } });
      const get = () => http.raw({ service: "image", url: "http://glance:9292/v2/images" });
      for (let i = 0; i < 3; i++) expect((await get()).status).toBe(500);
      const open = await get().catch((e) => e);
      expect(open).toMatchObject({
        status: 503,
        code: "upstream_circuit_open",
        extra: { service: "image", details: { retryAfterS: 10, failures: 3, lastCause: "500" } },
      });
      expect(calls).toBe(3);
      // Another service at another origin is not affected; a probe bypasses the breaker.
      expect((await http.raw({ service: "compute", url: "http://nova:8774/" })).status).toBe(500);
      expect((await http.raw({ service: "image", url: "http://glance:9292/", breaker: false })).status).toBe(500);
      calls = 0;
      now += 10_001;
      expect((await get()).status).toBe(500); // the half-open trial fails: open again
      await expect(get()).rejects.toMatchObject({ code: "upstream_circuit_open" });
      expect(calls).toBe(1);
      now += 10_001;
      status = 200;
      expect((await get()).status).toBe(200);
      expect((await get()).status).toBe(200);
      expect(http.breakers.state("image http://glance:9292")).toBe("closed");
      // 4xx answers prove the service is up.
      status = 404;
      for (let i = 0; i < 5; i++) expect((await get()).status).toBe(404);
    } finally {
      vi.restoreAllMocks();
    }
  });

  it("answers 502 naming the service when it is unreachable, and 504 on timeout", async () => {
    const refuse = async () => {
      throw new TypeError("fetch failed", { cause: new Error("connect ECONNREFUSED") });
    };
    const down = createHttp({ fetch: refuse as any, timeoutMs: 1000 });
    await expect(down.raw({ service: "volume", method: "POST", url: "http://x/volumes" })).rejects.toMatchObject({
      status: 502,
      message: expect.stringMatching(/^Cinder \(volume\) is unreachable/),
    });
    const hang = (_url: string, init: RequestInit) =>
      new Promise<Response>((_, reject) => init.signal!.addEventListener("abort", () => reject(init.signal!.reason)));
    const slow = createHttp({ fetch: hang as any, timeoutMs: 50 });
    const err = await slow.raw({ service: "network", method: "POST", url: "http://x/networks" }).catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err.status).toBe(504);
  });
});
