import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The summary is the run's verdict: a stage that vanished, ran nothing, or skipped everything fails it. */
function summarise(files: Record<string, unknown>, expect: string) {
  const dir = mkdtempSync(join(tmpdir(), "zenith-summary-"));
  for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), JSON.stringify(body));
  const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/test-summary.ts", dir, "--expect", expect], { encoding: "utf8" });
  return { code: r.status, out: r.stdout };
}
const vitest = (passed: number, skipped: number) => ({ numPassedTests: passed, numFailedTests: 0, numPendingTests: skipped, testResults: [] });
const playwright = (expected: number, skipped: number, reason: string) => ({
  stats: { expected, skipped, unexpected: 0, flaky: 0 },
  suites: [{ specs: [{ tests: Array.from({ length: skipped }, () => ({ status: "skipped", annotations: [{ type: "skip", description: reason }] })) }] }],
});

describe("test summary", () => {
  it("passes when every expected stage ran tests, and prints skip reasons with counts", () => {
    const r = summarise({ "unit.vitest.json": vitest(3, 0), "e2e-real.playwright.json": playwright(4, 2, "needs /_sim") }, "unit,e2e-real");
    expect(r.code).toBe(0);
    expect(r.out).toContain("e2e (Chromium, real)     4 passed, 0 failed, 2 skipped");
    expect(r.out).toContain("skipped 2: needs /_sim");
  });

  it("fails when an expected stage left no results (the real tier vanished)", () => {
    const r = summarise({ "unit.vitest.json": vitest(3, 0) }, "unit,real");
    expect(r.code).toBe(1);
    expect(r.out).toContain("NOT PROVEN: integration (real) should have run and left no results");
  });

  it("fails when a stage ran 0 tests or skipped all of them", () => {
    expect(summarise({ "sim.vitest.json": vitest(0, 0) }, "sim").out).toContain("integration (sim) ran 0 tests");
    const allSkipped = summarise({ "e2e-sim.playwright.json": playwright(0, 5, "x") }, "e2e-sim");
    expect(allSkipped.code).toBe(1);
    expect(allSkipped.out).toContain("e2e (Chromium, sim) skipped every test");
  });
});
