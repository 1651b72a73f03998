import { existsSync } from "node:fs";
import { insertChunked, isEmpty } from "../../db/bulk";
import type { ZenithDatabase } from "../../db/database";
import type { RolloutEventsTable, RolloutRunsTable } from "../../db/schema";

/**
 * Once, into an empty database: the runs and events of the rollouts' own SQLite file (`rollouts.sqlite` in the
 * data directory) that the shared database replaced. Its columns are the same; a run it left `running` is then
 * taken over like any run whose replica is gone.
 */
export async function importLegacyRollouts(database: ZenithDatabase, file: string): Promise<number> {
  if (!existsSync(file)) return 0;
  const db = await database.get();
  if (!(await isEmpty(db, "rollout_runs"))) return 0;
  const { default: Database } = await import("better-sqlite3");
  const old = new Database(file, { readonly: true, fileMustExist: true });
  let runs: RolloutRunsTable[], events: RolloutEventsTable[];
  try {
    runs = old.prepare(`SELECT * FROM runs`).all() as RolloutRunsTable[];
    events = old.prepare(`SELECT run_id, seq, ts, type, data FROM events ORDER BY run_id, seq`).all() as RolloutEventsTable[];
  } finally {
    old.close();
  }
  if (!runs.length) return 0;
  await db.transaction().execute(async (t) => {
    await insertChunked(t, "rollout_runs", runs);
    await insertChunked(t, "rollout_events", events);
  });
  return runs.length;
}
