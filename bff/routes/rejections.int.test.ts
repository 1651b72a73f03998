import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { target } from "../../tests/target";
import { SESSION_COOKIE } from "../session/cookie";
import { createAgent, testDeps } from "../test/test-app";

/**
 * Regressions for what the OpenAPI fuzz (fuzz.int.test.ts) found: every rejection of a request's input names the
 * input in the envelope's `field`, and no deployment state answers a 5xx. One test per defect, on both targets.
 */
describe(`input rejections name the field (${target.name})`, () => {
  const admin = createAgent();
  beforeAll(async () => {
    await admin.login("admin", "admin");
  });

  it("a body that is not JSON by its content-type is a 415 naming header.content-type (was http_error, no field)", async () => {
    const res = await admin.request("POST", "/api/boot/plan", { headers: { "content-type": "text/plain" } });
    expect(res.status).toBe(415);
    expect(res.body).toMatchObject({ code: "unsupported_media_type", field: "header.content-type" });
  });

  it("malformed JSON is a 400 naming body", async () => {
    const res = await admin.app.request("http://127.0.0.1:3000/api/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json", "x-zenith-request": "1" },
      body: '{"username":',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: "bad_request", field: "body" });
  });

  it("a validation 400 names where the field is: body, query or path parameter", async () => {
    const body = await admin.post("/api/boot", { source: { type: "image", id: "x" }, flavorId: 7, networkIds: ["n"], name: "zt-e" });
    expect(body.status).toBe(400);
    expect(body.body.field).toBe("body.flavorId");
    expect(body.body.message).toMatch(/^flavorId: /);
    const nested = await admin.post("/api/boot/plan", { source: { type: "image", id: "../x" } });
    expect(nested.body.field).toBe("body.source.id");
    const query = await admin.get("/api/instances?limit=abc");
    expect(query.status).toBe(400);
    expect(query.body.field).toBe("query.limit");
    const param = await admin.get(`/api/instances/${"x".repeat(65)}`);
    expect(param.status).toBe(400);
    expect(param.body.field).toBe("param.id");
    // A marker the BFF pages itself (a search walks the list) names the query field; Nova's own paging names Nova.
    const marker = await admin.get("/api/instances?search=zt&marker=zt-e-no-such-marker");
    expect(marker.status).toBe(400);
    expect(marker.body.field).toBe("query.marker");
    const upstream = await admin.get("/api/instances?marker=zt-e-no-such-marker");
    expect(upstream.status).toBe(400);
    expect(upstream.body.service).toBe("compute");
  });

  it("no session names the cookie, a missing CSRF header or a foreign Origin names the header, an unknown route the path", async () => {
    const anon = createAgent();
    expect((await anon.get("/api/instances")).body).toMatchObject({ code: "unauthenticated", field: `cookie.${SESSION_COOKIE}` });
    // Sign-out too (it answered 204 to anyone): every route but sign-in and the health probes needs a session.
    const out = await anon.post("/api/auth/logout");
    expect(out.status).toBe(401);
    expect(out.body).toMatchObject({ code: "unauthenticated", field: `cookie.${SESSION_COOKIE}` });
    expect((await admin.post("/api/auth/logout", undefined, { csrf: false })).body).toMatchObject({
      code: "csrf",
      field: "header.x-zenith-request",
    });
    expect((await admin.post("/api/auth/logout", undefined, { headers: { origin: "http://evil.example" } })).body).toMatchObject({
      code: "csrf",
      field: "header.origin",
    });
    expect((await admin.get("/api/no-such-route")).body).toMatchObject({ code: "not_found", field: "path" });
    expect((await admin.get("/api/openstack/compute/servers%2Fx")).body).toMatchObject({ code: "bad_request", field: "path" });
    expect((await admin.get("/api/openstack/metadata/x")).body).toMatchObject({ code: "bad_request", field: "service" });
  });

  it("a body over the limit is a 413 naming body", async () => {
    const res = await admin.post("/api/boot/plan", { pad: "x".repeat(1024 * 1024) });
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ code: "payload_too_large", field: "body" });
  });

  it("a plan id no dry run made is a 409 naming body.planId; heal on unknown networks a 404 naming body.networkIds", async () => {
    const stale = await admin.post("/api/admin/dhcp/heal", { dryRun: false, planId: "0123456789abcdef" });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: "plan_expired", field: "body.planId" });
    const missing = await admin.post("/api/admin/dhcp/heal", { networkIds: ["zt-e-no-such-network"], dryRun: true });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: "not_found", field: "body.networkIds" });
  });

  it("rollouts without a configuration answer 409 rollouts_unconfigured (was 503); an unknown run is a 404 naming param.id", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "zenith-zt-e-"));
    try {
      const a = createAgent(testDeps({ rollouts: { dataDir, playbookDir: resolve("rollouts") } }));
      await a.login("admin", "admin");
      const res = await a.post("/api/admin/rollouts", { pool: "web", serial: "1", version: "v2", dryRun: true });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe("rollouts_unconfigured");
      const run = await a.get("/api/admin/rollouts/ro-20260101000000-0123abcd");
      expect(run.status).toBe(404);
      expect(run.body).toMatchObject({ code: "not_found", field: "param.id" });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
