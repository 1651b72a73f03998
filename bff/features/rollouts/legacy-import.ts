import { existsSync } from "node:fs";
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
  const { n } = await db
    .selectFrom("rollout_runs")
    .select((e) => e.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  if (Number(n) > 0) return 0;
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
    for (let i = 0; i < runs.length; i += 200)
      await t
        .insertInto("rollout_runs")
        .values(runs.slice(i, i + 200))
        .execute();
    for (let i = 0; i < events.length; i += 500)
      await t
        .insertInto("rollout_events")
        .values(events.slice(i, i + 500))
        .execute();
  });
  return runs.length;
}
