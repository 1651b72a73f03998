import { drainCheck } from "./drain";
import { readiness } from "./readiness";

const up = { ok: true, status: 200, code: null };

describe("readiness", () => {
  it("is ready only when every check passes, and names the failing one", () => {
    const base = { identity: up, database: { ok: true }, sessionSecretGenerated: false, drain: drainCheck(false, undefined) };
    expect(readiness(base).ready).toBe(true);
    expect(readiness({ ...base, database: { ok: false } })).toMatchObject({
      ready: false,
      checks: { database: { code: "database_unavailable" } },
    });
    expect(readiness({ ...base, sessionSecretGenerated: true }).checks.sessionSecret).toEqual({
      ok: false,
      code: "session_secret_generated",
    });
    expect(readiness({ ...base, identity: { ok: false, status: 503, code: "upstream_error" } }).ready).toBe(false);
  });

  it("drains on the signal, or while a configured ready file is missing", () => {
    expect(drainCheck(true, true)).toEqual({ ok: false, code: "draining_signal" });
    expect(drainCheck(false, false)).toEqual({ ok: false, code: "ready_file_missing" });
    expect(drainCheck(false, true)).toEqual({ ok: true, code: null });
    expect(drainCheck(false, undefined)).toEqual({ ok: true, code: null });
  });
});
