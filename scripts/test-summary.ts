import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Prints the counts per suite and target with the skip reasons, then every failed test, then one closing
 * "N passed, N failed, N skipped" line.
 * `--expect a,b,…` names the result files (without .vitest.json / .playwright.json) that must be there: a stage that
 * should have run and left none, ran 0 tests, or skipped every test fails the run (exit 1).
 */
interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

function vitestCounts(file: string): Counts {
  const r = JSON.parse(readFileSync(file, "utf8"));
  return {
    passed: r.numPassedTests ?? 0,
    failed: (r.numFailedTests ?? 0) + (r.success === false && !r.numFailedTests ? 1 : 0),
    skipped: (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0),
  };
}

function playwrightCounts(file: string): Counts {
  const s = JSON.parse(readFileSync(file, "utf8")).stats ?? {};
  return { passed: (s.expected ?? 0) + (s.flaky ?? 0), failed: s.unexpected ?? 0, skipped: s.skipped ?? 0 };
}

const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

/** Each reason a Playwright test was skipped, with how many tests gave it. */
function playwrightSkipReasons(file: string): Map<string, number> {
  const reasons = new Map<string, number>();
  const walk = (suite: any) => {
    for (const spec of suite.specs ?? [])
      for (const t of spec.tests ?? [])
        if (t.status === "skipped") {
          const a = (t.annotations ?? []).find((x: { type: string }) => x.type === "skip");
          bump(reasons, a?.description ?? "(no reason given)");
        }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of JSON.parse(readFileSync(file, "utf8")).suites ?? []) walk(suite);
  return reasons;
}

/** The last "(…)" of a title: where a skipped test or its describe states why ("… (real tier: FakeDriver writes no disk)"). */
const stated = (title: string): string | null => /\(([^()]*)\)\s*$/.exec(title)?.[1] ?? null;

/**
 * Each reason vitest tests were skipped, with how many: the reason the test's own title states, else the nearest
 * describe's, else the describe path.
 */
function vitestSkipReasons(json: any): Map<string, number> {
  const reasons = new Map<string, number>();
  for (const f of json.testResults ?? [])
    for (const t of f.assertionResults ?? [])
      if (t.status === "pending" || t.status === "skipped" || t.status === "todo") {
        const titles: string[] = [...(t.ancestorTitles ?? [])];
        const reason =
          [t.title ?? "", ...titles.reverse()].map(stated).find((r) => r) ?? ((t.ancestorTitles ?? []).join(" › ") || "(top level)");
        bump(reasons, reason);
      }
  return reasons;
}
/** Each failed test, as "file › describe › title: first line of the error", so a CI log's tail names what failed. */
function vitestFailures(json: any): string[] {
  const out: string[] = [];
  for (const f of json.testResults ?? []) {
    const file = String(f.name ?? "").replace(/^.*?\/(bff|sim|tests|lib|components|app|scripts|bench)\//, "$1/");
    const failed = (f.assertionResults ?? []).filter((t: any) => t.status === "failed");
    for (const t of failed)
      out.push(`${file} › ${[...(t.ancestorTitles ?? []), t.title].join(" › ")}: ${firstLine(t.failureMessages?.[0])}`);
    // A file that failed outside any test (a hook, an import) has no failed assertion to name.
    if (!failed.length && f.status === "failed") out.push(`${file}: ${firstLine(f.message)}`);
  }
  return out;
}

function playwrightFailures(file: string): string[] {
  const out: string[] = [];
  const walk = (suite: any, path: string[]) => {
    for (const spec of suite.specs ?? [])
      for (const t of spec.tests ?? [])
        if (t.status === "unexpected") {
          const last = (t.results ?? []).at(-1);
          out.push(`${spec.file}:${spec.line} › ${[...path, spec.title].join(" › ")}: ${firstLine(last?.error?.message)}`);
        }
    for (const child of suite.suites ?? []) walk(child, suite.title && !suite.title.endsWith(".ts") ? [...path, suite.title] : path);
  };
  for (const suite of JSON.parse(readFileSync(file, "utf8")).suites ?? []) walk(suite, []);
  return out;
}

const firstLine = (m: unknown) =>
  String(m ?? "(no message)")
    .replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g"), "")
    .split("\n")
    .find((l) => l.trim())
    ?.trim()
    .slice(0, 300) ?? "(no message)";

/** A skip whose stated reason says the test does not apply to this target (not a gap in what it proves). */
const notApplicable = (reason: string) => /^not applicable/i.test(reason);

const LABELS: Record<string, string> = {
  unit: "unit",
  sim: "integration (sim)",
  real: "integration (real)",
  "scale-out": "scale-out (2 replicas)",
};
const label = (name: string) => LABELS[name] ?? name.replace(/^e2e-(\w+)$/, "e2e (Chromium, $1)");

let dir = ".data/test-results";
let expected: string[] = [];
for (let i = 2; i < process.argv.length; i++) {
  if (process.argv[i] === "--expect") expected = (process.argv[++i] ?? "").split(",").filter(Boolean);
  else dir = process.argv[i];
}

const total: Counts = { passed: 0, failed: 0, skipped: 0 };
const problems: string[] = [];
const allFailures: string[] = [];
const files = existsSync(dir) ? readdirSync(dir).sort() : [];
const seen = new Set<string>();
for (const f of files) {
  const vitest = f.endsWith(".vitest.json");
  if (!vitest && !f.endsWith(".playwright.json")) continue;
  const name = f.replace(/\.(vitest|playwright)\.json$/, "");
  seen.add(name);
  const c = vitest ? vitestCounts(join(dir, f)) : playwrightCounts(join(dir, f));
  const reasons = vitest ? vitestSkipReasons(JSON.parse(readFileSync(join(dir, f), "utf8"))) : playwrightSkipReasons(join(dir, f));
  const na = [...reasons].filter(([r]) => notApplicable(r)).reduce((n, [, k]) => n + k, 0);
  console.log(
    `${label(name).padEnd(24)} ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped${na ? ` (${na} of them not applicable to this target, ${c.skipped - na} others)` : ""}`,
  );
  for (const [reason, n] of [...reasons].sort((a, b) => b[1] - a[1]))
    console.log(`${"".padEnd(24)}   ${notApplicable(reason) ? "not applicable" : "skipped"} ${n}: ${reason}`);
  const failures = vitest ? vitestFailures(JSON.parse(readFileSync(join(dir, f), "utf8"))) : playwrightFailures(join(dir, f));
  for (const line of failures) allFailures.push(`${label(name)}: ${line}`);
  if (c.passed + c.failed + c.skipped === 0) problems.push(`${label(name)} ran 0 tests`);
  else if (c.passed === 0 && c.failed === 0) problems.push(`${label(name)} skipped every test`);
  total.passed += c.passed;
  total.failed += c.failed;
  total.skipped += c.skipped;
}
for (const name of expected) if (!seen.has(name)) problems.push(`${label(name)} should have run and left no results`);
// The failed tests last, beside the total, so the tail of a CI log names every one of them.
for (const line of allFailures) console.log(`FAILED ${line}`);
console.log(`total: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
for (const p of problems) console.log(`NOT PROVEN: ${p}`);
process.exit(problems.length ? 1 : 0);
