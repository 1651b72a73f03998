import type { Insertable, Kysely, Transaction } from "kysely";
import type { Schema } from "./schema";

/** Inserts `rows` into `table` a chunk at a time (bounded statements: SQLite's and PostgreSQL's parameter limits). */
export async function insertChunked<T extends keyof Schema & string>(
  trx: Transaction<Schema>,
  table: T,
  rows: Insertable<Schema[T]>[],
  chunk = 200,
): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk)
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + chunk) as never)
      .execute();
}

/** Whether `table` has no row yet (the one-time imports of the stores this database replaced). */
export async function isEmpty(db: Kysely<Schema>, table: keyof Schema & string): Promise<boolean> {
  const { n } = await db
    .selectFrom(table)
    .select((e) => e.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(n) === 0;
}
