import { createServer, type IncomingHttpHeaders } from "node:http";
import { nanoid } from "nanoid";
import { target } from "../../../tests/target";
import { createAgent, testDeps } from "../../test/test-app";
import { ERROR_BODY_LIMIT } from "./proxy.index";

/** Ports of this test's own little upstream (the redirect target). */
const REDIRECT_PORT = 4051;
const MiB = 1024 * 1024;

/**
 * The proxy's path handling and bodies (issue 14, findings 2 and 4), on both targets: decoded-segment routing,
 * encoded separators refused, the 1 MiB JSON limit, Glance uploads streamed through, upstream error bodies
 * bounded, and redirects returned rather than followed with the token.
 */
describe(`proxy (${target.name})`, () => {
  const seen: { url: string; init: RequestInit & { duplex?: string } }[] = [];
  let fetchCalled: () => void = () => undefined;
  const deps = testDeps({
    fetch: async (input, init) => {
      const url = String(input);
      seen.push({ url, init: init as never });
      fetchCalled();
      if (url.includes("/zenith-huge-error")) return new Response("x".repeat(MiB), { status: 500 });
      if (url.includes("/zenith-redirect")) return globalThis.fetch(`http://127.0.0.1:${REDIRECT_PORT}/redirect`, init);
      return globalThis.fetch(input, init);
    },
  });
  const a = createAgent(deps);
  const send = (method: string, path: string, body: BodyInit | null, headers: Record<string, string> = {}) =>
    a.app.request(`http://127.0.0.1:3000${path}`, {
      method,
      body,
      headers: { cookie: a.cookie(), "x-zenith-request": "1", ...headers },
      ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
    } as RequestInit);

  beforeAll(async () => {
    await a.login("demo");
  });

  it("routes on decoded segments: %63ompute is compute", async () => {
    const res = await a.get("/api/openstack/%63ompute/servers?limit=1");
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(Array.isArray(res.body.servers)).toBe(true);
    expect(seen.at(-1)!.url).toMatch(/\/servers\?limit=1$/);
  });

  it("refuses encoded slashes and dots with a 400 naming the path", async () => {
    for (const path of [
      "/api/openstack/compute/servers%2Fdetail",
      "/api/openstack/compute/os-hypervisors%2e",
      "/api/openstack/compute/servers%5Cdetail",
      "/api/openstack/compute/servers/a%2Eb",
    ]) {
      const before = seen.length;
      const res = await a.get(path);
      expect(res.status, path).toBe(400);
      expect(res.body.message, path).toMatch(/^path: /);
      expect(seen.length, path).toBe(before);
    }
  });

  it("answers 413 naming the limit for a JSON body over 1 MiB, before calling upstream", async () => {
    const before = seen.length;
    const big = JSON.stringify({ server: { name: "x".repeat(MiB + 10) } });
    const res = await send("POST", "/api/openstack/compute/servers", big, { "content-type": "application/json" });
    expect(res.status).toBe(413);
    const body = await res.json();
    expect(body).toMatchObject({ code: "payload_too_large", details: { limitBytes: MiB } });
    expect(body.message).toMatch(/1 MiB/);
    expect(seen.length).toBe(before);
  });

  it("streams a Glance image upload through as it arrives, with no size limit", async () => {
    const created = await a.post("/api/openstack/image/images", {
      name: `zenith-it-upload-${nanoid(5)}`,
      disk_format: "raw",
      container_format: "bare",
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as string;
    try {
      // The last chunk is only sent once the BFF has called Glance: a BFF that buffered the body would never get it.
      const upstreamStarted = new Promise<void>((r) => {
        fetchCalled = r;
      });
      const chunk = new Uint8Array(MiB).fill(7);
      let sent = 0;
      const stream = new ReadableStream<Uint8Array>({
        async pull(ctl) {
          if (sent === 2) {
            const waited = await Promise.race([upstreamStarted.then(() => true), new Promise((r) => setTimeout(() => r(false), 5000))]);
            if (!waited) {
              ctl.error(new Error("the BFF did not call Glance before the body ended: it buffers"));
              return;
            }
          }
          if (sent === 3) {
            ctl.close();
            return;
          }
          sent++;
          ctl.enqueue(chunk);
        },
      });
      const res = await send("PUT", `/api/openstack/image/images/${id}/file`, stream, { "content-type": "application/octet-stream" });
      expect(res.status, await res.clone().text()).toBe(204);
      const upload = seen.find((s) => s.url.endsWith(`/images/${id}/file`))!;
      expect(upload.init.body).toBeInstanceOf(ReadableStream);
      expect(upload.init.duplex).toBe("half");
      const img = await a.get(`/api/openstack/image/images/${id}`);
      expect(img.body).toMatchObject({ status: "active", size: 3 * MiB });
    } finally {
      fetchCalled = () => undefined;
      await a.request("DELETE", `/api/openstack/image/images/${id}`);
    }
  });

  it("echoes at most ERROR_BODY_LIMIT bytes of an upstream error body", async () => {
    const res = await a.get("/api/openstack/compute/zenith-huge-error");
    expect(res.status).toBe(502); // Nova's 500, answered as the gateway's 502
    expect(res.body).toMatchObject({ code: "upstream_error", service: "compute", details: { truncatedAtBytes: ERROR_BODY_LIMIT } });
    expect(res.body.details.body.length).toBe(ERROR_BODY_LIMIT);
    expect(JSON.stringify(res.body).length).toBeLessThan(2 * ERROR_BODY_LIMIT);
  });

  it("returns an upstream redirect instead of following it with the token", async () => {
    const heard: { path: string; headers: IncomingHttpHeaders }[] = [];
    const server = createServer((req, res) => {
      heard.push({ path: req.url ?? "", headers: req.headers });
      if (req.url === "/redirect") res.writeHead(302, { location: `http://127.0.0.1:${REDIRECT_PORT}/leak` }).end();
      else res.writeHead(200).end("{}");
    });
    await new Promise<void>((r) => server.listen(REDIRECT_PORT, "127.0.0.1", r));
    try {
      const res = await a.get("/api/openstack/compute/zenith-redirect");
      expect(res.status).toBe(302);
      expect(res.headers.get("location")).toBe(`http://127.0.0.1:${REDIRECT_PORT}/leak`);
      expect(heard.map((h) => h.path)).toEqual(["/redirect"]);
      expect(heard[0].headers["x-auth-token"]).toBeTruthy();
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});
