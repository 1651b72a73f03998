import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Writable } from "node:stream";
import { onReal, target } from "../../../tests/target";
import { createLogger } from "../../lib/logger";
import { createAgent, testDeps } from "../../test/test-app";

const ID = /^req-[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}$/;

/** The request log, the request id's way from the browser to OpenStack and back, and who may read /api/metrics. */
describe(`observability (${target.name})`, () => {
  function observed() {
    const lines: any[] = [];
    const sent: { url: string; headers: Record<string, string> }[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        for (const l of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(l));
        done();
      },
    });
    const deps = testDeps({
      logger: createLogger({ ZENITH_LOG_LEVEL: "info" }, sink),
      metricsToken: "zenith-d-scrape",
      fetch: (url, init) => {
        sent.push({ url: String(url), headers: (init?.headers ?? {}) as Record<string, string> });
        return globalThis.fetch(url, init);
      },
    });
    return { a: createAgent(deps), lines, sent };
  }

  it("a browser's request id goes to Nova as X-OpenStack-Request-ID, comes back, and names the request's one log line", async () => {
    const { a, lines, sent } = observed();
    await a.login("demo");
    const id = `req-${crypto.randomUUID()}`;
    sent.length = 0;
    const res = await a.get("/api/instances", { headers: { "x-request-id": id } });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-request-id")).toBe(id);
    const toNova = sent.filter((s) => s.url.includes("/servers"));
    expect(toNova.length).toBeGreaterThan(0);
    for (const s of toNova) expect(s.headers["X-OpenStack-Request-ID"]).toBe(id);
    await new Promise((r) => setImmediate(r));
    const line = lines.filter((l) => l.requestId === id);
    expect(line).toHaveLength(1);
    expect(line[0]).toMatchObject({
      level: 30,
      name: "zenith-bff",
      msg: "request",
      method: "GET",
      route: "/api/instances",
      path: "/api/instances",
      status: 200,
    });
    expect(typeof line[0].ms).toBe("number");
    expect(line[0].upstream).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ service: "compute", method: "GET", path: expect.stringMatching(/\/servers/), status: 200 }),
      ]),
    );
    if (onReal) {
      const novaId = line[0].upstream.find((u: { service: string }) => u.service === "compute").upstreamRequestId;
      expect(novaId).toMatch(/^req-/);
      // nova-api logs the BFF's id as the global request id, beside its own: "[req-<global> req-<local> user project …]".
      const log = join(process.env.ZENITH_REAL_DIR ?? "/tmp/zenith-real", "logs", "nova-api.log");
      let seen = "";
      for (let i = 0; i < 20 && !seen; i++) {
        seen =
          readFileSync(log, "utf8")
            .split("\n")
            .find((l) => l.includes(`[${id} ${novaId} `)) ?? "";
        if (!seen) await new Promise((r) => setTimeout(r, 100));
      }
      expect(seen, `nova-api.log names ${id} as the global request id of ${novaId}`).not.toBe("");
    }
  });

  it("a missing or malformed request id is replaced by the BFF's own, in the answer and in errors", async () => {
    const { a, lines } = observed();
    for (const given of [undefined, "not-an-id", `req-${"A".repeat(36)}`, `req-${crypto.randomUUID()} x`]) {
      const res = await a.get("/api/instances", { headers: given ? { "x-request-id": given } : {} });
      expect(res.status).toBe(401);
      const id = res.headers.get("x-request-id")!;
      expect(id).toMatch(ID);
      expect(id).not.toBe(given);
      expect(res.body.requestId).toBe(id);
    }
    await new Promise((r) => setImmediate(r));
    expect(lines.filter((l) => l.route === "/api/instances" && l.status === 401)).toHaveLength(4);
  });

  it("/api/metrics: 401 anonymous or with a wrong bearer, 403 for a member, the Prometheus text for an admin or the scrape token", async () => {
    const { a } = observed();
    expect((await a.get("/api/metrics")).status).toBe(401);
    expect((await a.get("/api/metrics", { headers: { authorization: "Bearer wrong" } })).status).toBe(401);
    const scrape = await a.get("/api/metrics", { headers: { authorization: "Bearer zenith-d-scrape" } });
    expect(scrape.status).toBe(200);
    expect(scrape.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    await a.login("demo");
    expect((await a.get("/api/metrics")).status).toBe(403);
    await a.get("/api/instances");
    const { a: admin } = observed();
    await admin.login("admin", "admin");
    await admin.get("/api/instances");
    const text = (await admin.get("/api/metrics")).body as string;
    expect(text).toMatch(/zenith_http_requests_total\{method="GET",route="\/api\/instances",status="200"\} 1/);
    expect(text).toMatch(
      /zenith_upstream_request_duration_seconds_bucket\{le="[^"]+",service="compute",method="GET",status="200",route="\/api\/instances"\} \d+/,
    );
    expect(text).toMatch(
      /zenith_upstream_request_duration_seconds_count\{service="identity",method="POST",status="201",route="\/api\/auth\/login"\} 1/,
    );
    expect(text).toMatch(/zenith_process_resident_memory_bytes \d+/);
  });
});
