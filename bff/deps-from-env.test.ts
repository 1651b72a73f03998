import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cephAccount } from "./ceph/account";
import { depsFromEnv } from "./deps-from-env";

const base = () => ({ ZENITH_SESSION_SECRET: "s".repeat(32), ZENITH_DATA_DIR: mkdtempSync(join(tmpdir(), "zenith-deps-")) });

describe("depsFromEnv: the Ceph Dashboard account", () => {
  it("has no default password for a cloud that is not the embedded one: Ceph features say what to set", () => {
    const deps = depsFromEnv({ ...base(), ZENITH_AUTH_URL: "http://keystone.example:5000/v3" });
    expect(deps.ceph.username).toBeUndefined();
    expect(deps.ceph.password).toBeUndefined();
    expect(() => cephAccount(deps)).toThrow(/ZENITH_CEPH_USER and ZENITH_CEPH_PASSWORD/);
    try {
      cephAccount(deps);
    } catch (e) {
      expect(e).toMatchObject({ status: 503, code: "ceph_unavailable", extra: { details: { reason: "not_configured" } } });
    }
  });

  it("uses the account it is given, and the embedded cloud's own by default", () => {
    const given = depsFromEnv({
      ...base(),
      ZENITH_AUTH_URL: "http://keystone.example:5000/v3",
      ZENITH_CEPH_USER: "zenith",
      ZENITH_CEPH_PASSWORD: "pw",
    });
    expect(cephAccount(given)).toEqual({ username: "zenith", password: "pw" });
    expect(cephAccount(depsFromEnv(base()))).toEqual({ username: "admin", password: "zenith-ceph" });
  });
});
