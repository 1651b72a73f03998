import type { Kysely } from "kysely";
import { Migrator } from "kysely";
import type { DatabaseKind } from "./database";
import { initial } from "./migrations/001-initial";

/**
 * Brings the schema to the latest migration. Safe when two replicas start at once: Kysely's migrator holds
 * pg_advisory_lock on PostgreSQL, and BEGIN IMMEDIATE on SQLite (LockingSqliteAdapter); the second finds them done.
 */
export async function migrateToLatest(db: Kysely<unknown>, kind: DatabaseKind): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => ({ "001-initial": initial(kind) }) },
    migrationTableName: "zenith_migrations",
    migrationLockTableName: "zenith_migrations_lock",
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error");
    throw new Error(`database migration ${failed?.migrationName ?? ""} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
