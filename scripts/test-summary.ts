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

const dir = process.argv[2] ?? ".data/test-results";
const total: Counts = { passed: 0, failed: 0, skipped: 0 };
const files = existsSync(dir) ? readdirSync(dir).sort() : [];
for (const f of files) {
  let c: Counts | undefined;
  if (f.endsWith(".vitest.json")) c = vitestCounts(join(dir, f));
  else if (f.endsWith(".playwright.json")) c = playwrightCounts(join(dir, f));
  if (!c) continue;
  const name = f.replace(/\.(vitest|playwright)\.json$/, "");
  const label = name === "sim" || name === "real" ? `integration (${name})` : name;
  console.log(`${label.padEnd(20)} ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`);
  total.passed += c.passed; total.failed += c.failed; total.skipped += c.skipped;
}
console.log(`total: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
