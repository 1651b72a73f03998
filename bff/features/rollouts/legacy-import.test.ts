import Database from "better-sqlite3";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createRolloutService } from "./service";

const COLS = [
  "id",
  "pool",
  "version",
  "serial",
  "maxFailPercentage",
  "minHealthy",
  "drain",
  "status",
  "stoppedBy",
  "stopReason",
  "error",
].concat(["startedBy", "startedAt", "finishedAt", "served", "failed", "batches", "limitHosts", "retryOf", "pid", "runDir", "exitCode"]);

/** rollouts.sqlite as the store before the shared database wrote it. */
function oldStore(dir: string) {
  const db = new Database(join(dir, "rollouts.sqlite"));
  db.exec(`CREATE TABLE runs (${COLS.map((c) => `"${c}"${c === "id" ? " TEXT PRIMARY KEY" : ""}`).join(", ")});
    CREATE TABLE events (run_id TEXT NOT NULL, seq INTEGER NOT NULL, ts REAL NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (run_id, seq));`);
  const run = (id: string, status: string, startedAt: string) =>
    db
      .prepare(`INSERT INTO runs VALUES (${COLS.map(() => "?").join(", ")})`)
      .run(
        id,
        "lab",
        "v1",
        "1",
        0,
        1,
        1,
        status,
        null,
        null,
        null,
        "admin",
        startedAt,
        null,
        10,
        0,
        '[["web1"]]',
        null,
        null,
        null,
        join(dir, id),
        null,
      );
  run("ro-20260101000000-aaaaaaaa", "succeeded", "2026-01-01T00:00:00.000Z");
  run("ro-20260102000000-bbbbbbbb", "running", "2026-01-02T00:00:00.000Z");
  db.prepare("INSERT INTO events VALUES (?, ?, ?, ?, ?)").run("ro-20260101000000-aaaaaaaa", 1, 1.5, "status", '{"status":"running"}');
  db.prepare("INSERT INTO events VALUES (?, ?, ?, ?, ?)").run("ro-20260101000000-aaaaaaaa", 2, 2.5, "status", '{"status":"succeeded"}');
  db.close();
}

describe("rollouts before the shared database", () => {
  it("are taken in once from rollouts.sqlite; a run it left running is taken over as interrupted", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zenith-rollouts-legacy-"));
    oldStore(dir);
    const s = createRolloutService({ dataDir: dir, playbookDir: resolve("rollouts") });
    try {
      const runs = await s.list();
      expect(runs.map((r) => [r.id, r.status])).toEqual([
        ["ro-20260102000000-bbbbbbbb", "interrupted"],
        ["ro-20260101000000-aaaaaaaa", "succeeded"],
      ]);
      expect(runs[1]).toMatchObject({ drain: true, served: 10, batches: [["web1"]], limitHosts: null });
      expect((await s.events("ro-20260101000000-aaaaaaaa", 0)).map((e) => [e.seq, e.data])).toEqual([
        [1, { status: "running" }],
        [2, { status: "succeeded" }],
      ]);
      expect((await s.get("ro-20260102000000-bbbbbbbb")).restore).toMatchObject({ ok: false, hosts: ["web1"] });
    } finally {
      await s.close();
    }
    const again = createRolloutService({ dataDir: dir, playbookDir: resolve("rollouts") });
    try {
      expect(await again.list()).toHaveLength(2);
    } finally {
      await again.close();
    }
  });
});
