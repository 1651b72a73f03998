import type { ZenithDatabase } from "../../db/database";
import type { ThroughputModel } from "./types";

/**
 * The throughput last learned for one cloud scope (its Cinder endpoint and project, or "all" for an admin), in
 * the shared database: every replica estimates with the same model, and Cinder's history is read once a
 * `maxAgeMs` for all of them. A database that does not answer costs a fresh read, never the estimate.
 */
export async function storedThroughput(
  database: ZenithDatabase,
  scope: string,
  maxAgeMs: number,
  now: () => number = Date.now,
): Promise<ThroughputModel | null> {
  try {
    const row = await (await database.get())
      .selectFrom("throughput")
      .select(["model", "learned_at"])
      .where("cloud", "=", scope)
      .executeTakeFirst();
    return row && now() - row.learned_at < maxAgeMs ? (JSON.parse(row.model) as ThroughputModel) : null;
  } catch {
    return null;
  }
}

export async function storeThroughput(
  database: ZenithDatabase,
  scope: string,
  model: ThroughputModel,
  now: () => number = Date.now,
): Promise<void> {
  const at = now();
  try {
    await (await database.get())
      .insertInto("throughput")
      .values({ cloud: scope, model: JSON.stringify(model), learned_at: at })
      .onConflict((oc) => oc.column("cloud").doUpdateSet({ model: JSON.stringify(model), learned_at: at }))
      .execute();
  } catch {
    /* the next read learns again */
  }
}
