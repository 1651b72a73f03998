import { target } from "../../../tests/target";
import { keystoneAnswers503 } from "../../../tests/faults";
import { createAgent, testDeps } from "../../test/test-app";

describe(`health and readiness (${target.name})`, () => {
  it("healthz answers without a session; readyz says Keystone is reachable", async () => {
    const a = createAgent();
    expect(await a.get("/api/healthz")).toMatchObject({ status: 200, body: { status: "ok" } });
    const ready = await a.get("/api/readyz");
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ ready: true, checks: { identity: { ok: true } } });
    expect(ready.headers.get("cache-control")).toBe("no-store");
  });

  it("readyz is 503 naming why when Keystone is unreachable", async () => {
    const a = createAgent(testDeps({ cloud: { ...testDeps().cloud, authUrl: "http://127.0.0.1:1/v3" } }));
    const res = await a.get("/api/readyz");
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ ready: false, checks: { identity: { ok: false, status: null, code: "upstream_unreachable" } } });
    expect((await a.get("/api/healthz")).status).toBe(200);
  });

  // The sim injects one 503 (/_sim/fault); on real both backends of the keystone pool behind Zenith's auth URL are
  // drained (tests/faults.ts, under the fault lock), so its HAProxy frontend answers 503, and put back after.
  it("readyz is 503 while Keystone answers 503, and ready again after", async () => {
    const a = createAgent();
    const fault = await keystoneAnswers503();
    const down = await a.get("/api/readyz").finally(() => fault.restore());
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ ready: false, checks: { identity: { ok: false, status: 503 } } });
    expect((await a.get("/api/readyz")).status).toBe(200);
  }, 120_000);
});
