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
    const hang = (req: Request) => new Promise<Response>((_, reject) => req.signal.addEventListener("abort", () => reject(req.signal.reason)));
    const slow = createHttp({ fetch: hang as any, timeoutMs: 50 });
    const err = await slow.raw({ service: "network", method: "POST", url: "http://x/networks" }).catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err.status).toBe(504);
  });
});
