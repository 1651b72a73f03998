/**
 * Runs the differential catalogue outside vitest and prints every difference: a fresh in-process sim against the
 * real tier of ${ZENITH_REAL_DIR:-/tmp/zenith-real}/endpoints.json. `npx tsx tests/differential/report.ts [filter]`.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { startSim } from "../../sim/index";
import { catalogue } from "./catalogue/index";
import { prepare } from "./fixtures";
import { describe, runCatalogue } from "./run";

const dir = process.env.ZENITH_REAL_DIR ?? "/tmp/zenith-real";
const real = JSON.parse(readFileSync(join(dir, "endpoints.json"), "utf8"));
const dataDir = mkdtempSync(join(tmpdir(), "zenith-diff-"));
const sim = await startSim({
  port: Number(process.env.ZENITH_DIFF_SIM_PORT ?? 0),
  scenario: "default",
  config: { dbPath: join(dataDir, "sim.sqlite"), controls: true, timeScale: 0.02 },
});
const tag = `zt-g-${randomBytes(3).toString("hex")}`;
const u = (name: string, password: string, project: string) => ({ username: name, password, userDomain: "Default", project });
const filter = process.argv[2] ?? "";
try {
  const [s, r] = await Promise.all([
    prepare(
      "sim",
      `${sim.url}/identity/v3`,
      {
        admin: u("admin", sim.state.config.adminPassword, "admin"),
        member: u("demo", sim.state.config.demoPassword, "demo"),
        ceph: { username: "admin", password: process.env.SIM_CEPH_PASSWORD ?? sim.state.config.adminPassword },
      },
      tag,
    ),
    prepare("real", real.authUrl, { admin: real.users.admin, member: real.users.demo, ceph: real.ceph }, tag),
  ]);
  try {
    const out = await runCatalogue(
      s,
      r,
      catalogue.filter((p) => p.id.includes(filter)),
    );
    const bad = out.filter((o) => o.unexplained.length);
    for (const o of bad) console.log(describe(o));
    console.log(`\n${out.length} probes, ${out.filter((o) => o.differences.length).length} differ, ${bad.length} unexplained`);
  } finally {
    console.log("cleanup sim:", await s.cleanup(), "real:", await r.cleanup());
  }
} finally {
  await sim.close();
  rmSync(dataDir, { recursive: true, force: true });
}
