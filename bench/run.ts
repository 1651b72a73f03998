import { readdirSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { join } from "node:path";

/**
 * npm run bench: runs every bench/*.bench.ts in its own process, one after the other (machines here are noisy;
 * each bench reports counts or ratios measured within its own run). `npm run bench -- NAME` runs the ones matching NAME.
 */
const filter = process.argv[2];
const dir = new URL(".", import.meta.url).pathname;
const benches = readdirSync(dir)
  .filter((f) => f.endsWith(".bench.ts") && (!filter || f.includes(filter)))
  .sort();
let failed = 0;
for (const f of benches) {
  console.log(`\n### ${f}`);
  const r = spawnSync("npx", ["tsx", join(dir, f)], { stdio: "inherit", env: process.env });
  if (r.status !== 0) {
    failed++;
    console.log(`### ${f} failed (exit ${r.status})`);
  }
}
process.exit(failed ? 1 : 0);
