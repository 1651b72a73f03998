import { target } from "../../../tests/target";
import { keystoneAnswers503 } from "../../../tests/faults";
import { createAgent, testDeps } from "../../test/test-app";
import { installDrainSignal } from "../../features/health/drain";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

describe(`health and readiness (${target.name})`, () => {
  it("healthz answers without a session; readyz says Keystone is reachable", async () => {
    const a = createAgent();
    expect(await a.get("/api/healthz")).toMatchObject({ status: 200, body: { status: "ok" } });
    const ready = await a.get("/api/readyz");
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({
      ready: true,
      checks: { identity: { ok: true }, database: { ok: true }, sessionSecret: { ok: true }, drain: { ok: true } },
    });
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

  it("readyz is 503 when the database does not answer or the session secret was generated; healthz stays 200", async () => {
    const noDb = createAgent(testDeps({ database: { file: "/dev/null/zenith.sqlite" } }));
    const r1 = await noDb.get("/api/readyz");
    expect(r1.status).toBe(503);
    expect(r1.body).toMatchObject({
      ready: false,
      checks: { database: { ok: false, code: "database_unavailable" }, identity: { ok: true } },
    });
    const generated = createAgent(testDeps({ sessionSecretGenerated: true }));
    const r2 = await generated.get("/api/readyz");
    expect(r2.status).toBe(503);
    expect(r2.body).toMatchObject({ checks: { sessionSecret: { ok: false, code: "session_secret_generated" }, database: { ok: true } } });
    expect((await generated.get("/api/healthz")).status).toBe(200);
  });

  it("drains while ZENITH_READY_FILE is missing, and serves again once it is restored", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zenith-ready-"));
    const file = join(dir, "ready");
    try {
      const a = createAgent(testDeps({ readyFile: file }));
      const drained = await a.get("/api/readyz");
      expect(drained.status).toBe(503);
      expect(drained.body).toMatchObject({ checks: { drain: { ok: false, code: "ready_file_missing" } } });
      writeFileSync(file, "OK\n");
      expect((await a.get("/api/readyz")).status).toBe(200);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // Last in this file: the signal drains the test process until it ends (a replica drains until it restarts).
  it("SIGUSR2 drains the replica: readyz 503 draining_signal, healthz still 200", async () => {
    installDrainSignal();
    process.kill(process.pid, "SIGUSR2");
    await new Promise((r) => setTimeout(r, 50));
    const a = createAgent();
    const res = await a.get("/api/readyz");
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ ready: false, checks: { drain: { ok: false, code: "draining_signal" }, identity: { ok: true } } });
    expect((await a.get("/api/healthz")).status).toBe(200);
  });
});
