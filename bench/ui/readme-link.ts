import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const START = "<!-- bench:ui latest -->";
const END = "<!-- /bench:ui latest -->";

/**
 * Points README.md's Tests section at the latest UI bench result of each target (the line between the
 * bench:ui markers), so the link follows the dated file names.
 */
export function linkLatest(readme: string, resultsDir: string): void {
  if (!existsSync(readme)) return;
  const text = readFileSync(readme, "utf8");
  const from = text.indexOf(START);
  const to = text.indexOf(END);
  if (from < 0 || to < from) return;
  const latest = (target: string) =>
    readdirSync(resultsDir)
      .filter((f) => new RegExp(`^ui-\\d{4}-\\d{2}-\\d{2}-${target}\\.md$`).test(f))
      .sort()
      .at(-1);
  const links = ["sim", "real"]
    .map((t) => [t, latest(t)] as const)
    .filter(([, f]) => f)
    .map(([t, f]) => `[${t}](bench/results/${f})`);
  const line = `Latest \`npm run bench:ui\` results: ${links.join(", ") || "none yet"}.`;
  writeFileSync(readme, `${text.slice(0, from + START.length)}\n${line}\n${text.slice(to)}`);
}

export const readmePath = join(new URL("../..", import.meta.url).pathname, "README.md");
