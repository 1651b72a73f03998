import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { createDatabase, type DatabaseConfig, type ZenithDatabase } from "./database";

/**
 * The databases the data layer's tests run on: SQLite in a fresh file, and PostgreSQL when
 * ZENITH_TEST_DATABASE_URL names a server (`scripts/postgres.sh start <dir> <port>` prints one).
 */
export const TEST_PG_URL = process.env.ZENITH_TEST_DATABASE_URL || undefined;

export type Engine = "sqlite" | "postgres";
export const ENGINES: Engine[] = TEST_PG_URL ? ["sqlite", "postgres"] : ["sqlite"];

/** A database of its own for one test: a new SQLite file, or a new PostgreSQL database on the test server. */
export async function freshDatabase(engine: Engine): Promise<DatabaseConfig> {
  if (engine === "sqlite") return { file: join(mkdtempSync(join(tmpdir(), "zenith-db-")), "zenith.sqlite") };
  const name = `zt_${randomUUID().replace(/-/g, "").slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(TEST_PG_URL as string);
  url.pathname = `/${name}`;
  return { url: url.toString() };
}

/** Two replicas for one test: two data layers on one fresh database, added to `open` for the test to close. */
export async function twoReplicas(engine: Engine, open: ZenithDatabase[]): Promise<readonly [ZenithDatabase, ZenithDatabase]> {
  const config = await freshDatabase(engine);
  const a = createDatabase(config),
    b = createDatabase(config);
  open.push(a, b);
  return [a, b] as const;
}
