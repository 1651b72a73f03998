import { createHttp, upstreamError, upstreamMessage } from "./http";
import { ApiError } from "../errors";

describe("upstream HTTP", () => {
  it("extracts the message of every OpenStack error shape", () => {
    expect(upstreamMessage('{"itemNotFound":{"code":404,"message":"Server x could not be found."}}')).toBe("Server x could not be found.");
    expect(upstreamMessage('{"NeutronError":{"type":"X","message":"Network y not found.","detail":""}}')).toBe("Network y not found.");
    expect(upstreamMessage('{"error":{"code":401,"title":"Unauthorized","message":"The request you have made requires authentication."}}')).toMatch(/requires authentication/);
    expect(upstreamMessage("<html><body><h1>409 Conflict</h1>Image in use</body></html>")).toBe("409 Conflict Image in use");
  });

  it("names the service and keeps 4xx statuses; 5xx become 502", () => {
    const e = upstreamError("compute", 404, '{"itemNotFound":{"message":"gone"}}', "req-1");
    expect(e).toMatchObject({ status: 404, message: "Nova (compute) answered 404: gone", extra: { service: "compute", upstreamRequestId: "req-1" } });
    expect(upstreamError("image", 500, "boom").status).toBe(502);
    expect(upstreamError("identity", 401, "").code).toBe("session_expired");
  });

  it("hands fetch the URL and a string body, never a Request (Next re-sends a Request's body chunked)", async () => {
    const seen: unknown[][] = [];
    const fetch = async (...args: unknown[]) => { seen.push(args); return new Response("{}", { status: 201 }); };
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
    const server = createServer((req, res) => { heard.push({ length: req.headers["content-length"], te: req.headers["transfer-encoding"] }); req.resume(); req.on("end", () => res.end("{}")); });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const { port } = server.address() as { port: number };
    const http = createHttp({ fetch: (u, i) => globalThis.fetch(u, i), timeoutMs: 5000 });
    await http.raw({ service: "compute", method: "POST", url: `http://127.0.0.1:${port}/servers/1/action`, json: { reboot: { type: "SOFT" } } });
    server.close();
    expect(heard).toEqual([{ length: String('{"reboot":{"type":"SOFT"}}'.length), te: undefined }]);
  });

  it("retries GET on 503 but never a POST", async () => {
    let calls = 0;
    const fetch = async () => { calls++; return new Response("busy", { status: 503 }); };
    const http = createHttp({ fetch: fetch as any, timeoutMs: 1000 });
    const get = await http.raw({ service: "compute", url: "http://x/servers" });
    expect(get.status).toBe(503);
    expect(calls).toBe(3);
    calls = 0;
    const post = await http.raw({ service: "compute", method: "POST", url: "http://x/servers", json: {} });
    expect(post.status).toBe(503);
    expect(calls).toBe(1);
    calls = 0;
    await http.raw({ service: "compute", url: "http://x/", retry: false });
    expect(calls).toBe(1);
  });

  it("answers 502 naming the service when it is unreachable, and 504 on timeout", async () => {
    const refuse = async () => { throw new TypeError("fetch failed", { cause: new Error("connect ECONNREFUSED") }); };
    const down = createHttp({ fetch: refuse as any, timeoutMs: 1000 });
    await expect(down.raw({ service: "volume", method: "POST", url: "http://x/volumes" })).rejects.toMatchObject({ status: 502, message: expect.stringMatching(/^Cinder \(volume\) is unreachable/) });
    const hang = (_url: string, init: RequestInit) => new Promise<Response>((_, reject) => init.signal!.addEventListener("abort", () => reject(init.signal!.reason)));
    const slow = createHttp({ fetch: hang as any, timeoutMs: 50 });
    const err = await slow.raw({ service: "network", method: "POST", url: "http://x/networks" }).catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err.status).toBe(504);
  });
});
