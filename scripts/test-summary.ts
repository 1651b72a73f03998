import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** Prints the counts per suite and target, then one closing "N passed, N failed, N skipped" line. */
interface Counts { passed: number; failed: number; skipped: number }

function vitestCounts(file: string): Counts {
  const r = JSON.parse(readFileSync(file, "utf8"));
  return { passed: r.numPassedTests ?? 0, failed: (r.numFailedTests ?? 0) + (r.success === false && !r.numFailedTests ? 1 : 0), skipped: (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0) };
}

function playwrightCounts(file: string): Counts {
  const s = JSON.parse(readFileSync(file, "utf8")).stats ?? {};
  return { passed: (s.expected ?? 0) + (s.flaky ?? 0), failed: s.unexpected ?? 0, skipped: s.skipped ?? 0 };
}

/** Each reason a Playwright test was skipped, with how many tests gave it. */
function playwrightSkipReasons(file: string): Map<string, number> {
  const reasons = new Map<string, number>();
  const walk = (suite: any) => {
    for (const spec of suite.specs ?? [])
      for (const t of spec.tests ?? [])
        if (t.status === "skipped")
          for (const a of t.annotations ?? []) if (a.type === "skip") reasons.set(a.description ?? "(no reason)", (reasons.get(a.description ?? "(no reason)") ?? 0) + 1);
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of JSON.parse(readFileSync(file, "utf8")).suites ?? []) walk(suite);
  return reasons;
}

const dir = process.argv[2] ?? ".data/test-results";
const total: Counts = { passed: 0, failed: 0, skipped: 0 };
const files = existsSync(dir) ? readdirSync(dir).sort() : [];
for (const f of files) {
  let c: Counts | undefined;
  if (f.endsWith(".vitest.json")) c = vitestCounts(join(dir, f));
  else if (f.endsWith(".playwright.json")) c = playwrightCounts(join(dir, f));
  if (!c) continue;
  const name = f.replace(/\.(vitest|playwright)\.json$/, "");
  const label = name === "sim" || name === "real" ? `integration (${name})` : name.replace(/^e2e-(\w+)$/, "e2e (Chromium, $1)");
  console.log(`${label.padEnd(24)} ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`);
  if (f.endsWith(".playwright.json"))
    for (const [reason, n] of playwrightSkipReasons(join(dir, f))) console.log(`${"".padEnd(24)}   skipped ${n}: ${reason}`);
  total.passed += c.passed; total.failed += c.failed; total.skipped += c.skipped;
}
console.log(`total: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
