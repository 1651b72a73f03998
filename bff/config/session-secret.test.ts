import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadPreviousSessionSecret, loadSessionSecret } from "./session-secret";

const dataDir = () => mkdtempSync(join(tmpdir(), "zenith-secret-"));
const A = "a".repeat(32);
const B = "b".repeat(40);

describe("session secret", () => {
  it("generates the demo secret once under ZENITH_DATA_DIR, mode 0600, and reads the same one back", () => {
    const dir = dataDir();
    const first = loadSessionSecret({ ZENITH_DATA_DIR: dir });
    expect(statSync(join(dir, "session-secret")).mode & 0o777).toBe(0o600);
    expect(loadSessionSecret({ ZENITH_DATA_DIR: dir })).toBe(first);
    expect(readFileSync(join(dir, "session-secret"), "utf8")).toBe(first);
  });

  it("refuses a secret file that is too short instead of using it", () => {
    const dir = dataDir();
    writeFileSync(join(dir, "session-secret"), "short\n");
    expect(() => loadSessionSecret({ ZENITH_DATA_DIR: dir })).toThrow(/at least 32/);
  });

  it("never generates one during next build", () => {
    const dir = dataDir();
    expect(() => loadSessionSecret({ ZENITH_DATA_DIR: dir, NEXT_PHASE: "phase-production-build" })).toThrow(/next build/);
    expect(existsSync(join(dir, "session-secret"))).toBe(false);
  });

  it("reads the retiring secret of a rotation, checked like the current one", () => {
    expect(loadPreviousSessionSecret({ ZENITH_SESSION_SECRET: B, ZENITH_SESSION_SECRET_PREVIOUS: A })).toBe(A);
    expect(loadPreviousSessionSecret({ ZENITH_SESSION_SECRET: B })).toBeUndefined();
    expect(() => loadPreviousSessionSecret({ ZENITH_SESSION_SECRET: B, ZENITH_SESSION_SECRET_PREVIOUS: "short" })).toThrow(/PREVIOUS/);
    expect(() => loadSessionSecret({ ZENITH_SESSION_SECRET_PREVIOUS: A })).toThrow(/without/);
  });
});
