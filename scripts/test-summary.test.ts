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
const vitest = (passed: number, skipped: number) => ({
  numPassedTests: passed,
  numFailedTests: 0,
  numPendingTests: skipped,
  testResults: [],
});
const playwright = (expected: number, skipped: number, reason: string) => ({
  stats: { expected, skipped, unexpected: 0, flaky: 0 },
  suites: [
    {
      specs: [
        { tests: Array.from({ length: skipped }, () => ({ status: "skipped", annotations: [{ type: "skip", description: reason }] })) },
      ],
    },
  ],
});

// Each case spawns tsx; on a loaded 2-core machine that alone can take seconds.
describe("test summary", { timeout: 60_000 }, () => {
  it("passes when every expected stage ran tests, and prints skip reasons with counts", () => {
    const r = summarise({ "unit.vitest.json": vitest(3, 0), "e2e-real.playwright.json": playwright(4, 2, "needs /_sim") }, "unit,e2e-real");
    expect(r.code).toBe(0);
    expect(r.out).toContain("e2e (Chromium, real)     4 passed, 0 failed, 2 skipped");
    expect(r.out).toContain("skipped 2: needs /_sim");
  });

  it("names each vitest skip by the reason its title (or its nearest describe) states, and counts 'not applicable' apart", () => {
    const skip = (title: string, ancestorTitles: string[]) => ({ status: "pending", title, ancestorTitles });
    const real = {
      numPassedTests: 5,
      numFailedTests: 0,
      numPendingTests: 4,
      testResults: [
        {
          assertionResults: [
            skip("a local root disk (real tier: FakeDriver writes no disk)", ["clone or copy"]),
            skip("deleting leaves vms/<id>_disk behind (real tier: FakeDriver writes no disk)", ["ceph dashboard RBD API"]),
            skip("drains each backend", ["Rollouts on the lab (not applicable on the real target: the lab is local)"]),
            skip("plain", ["outer", "inner"]),
          ],
        },
      ],
    };
    const r = summarise({ "real.vitest.json": real }, "real");
    expect(r.code).toBe(0);
    expect(r.out).toContain("integration (real)       5 passed, 0 failed, 4 skipped (1 of them not applicable to this target, 3 others)");
    expect(r.out).toContain("skipped 2: real tier: FakeDriver writes no disk");
    expect(r.out).toContain("not applicable 1: not applicable on the real target: the lab is local");
    expect(r.out).toContain("skipped 1: outer › inner");
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
