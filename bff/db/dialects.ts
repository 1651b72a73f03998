import Database from "better-sqlite3";
import {
  CompiledQuery,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
  Kysely,
  PostgresDialect,
  SqliteAdapter,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
  sql,
} from "kysely";
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import type pg from "pg";
import type { DatabaseConfig, Db } from "./database";
import { migrateToLatest } from "./migrate";
import type { Schema } from "./schema";

/**
 * SQLite's migrations run inside BEGIN IMMEDIATE: a second process starting at the same time waits (busy_timeout)
 * for the first to commit, then finds the migrations done. (PostgreSQL's adapter takes pg_advisory_lock.)
 * better-sqlite3 waits synchronously: two connections of one process must never contend (a replica has one).
 */
class LockingSqliteAdapter extends SqliteAdapter {
  override async acquireMigrationLock(db: Kysely<unknown>): Promise<void> {
    await sql`begin immediate`.execute(db);
  }
  override async releaseMigrationLock(db: Kysely<unknown>): Promise<void> {
    await sql`commit`.execute(db);
  }
}
/**
 * Transactions take SQLite's write lock when they begin (BEGIN IMMEDIATE), waiting busy_timeout for another
 * process's: a deferred one that reads and then writes would fail at once when another process wrote in between.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("begin immediate"));
  }
}
class LockingSqliteDialect extends SqliteDialect {
  constructor(private readonly cfg: SqliteDialectConfig) {
    super(cfg);
  }
  override createAdapter(): DialectAdapter {
    return new LockingSqliteAdapter();
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.cfg);
  }
}

const INT8 = 20;

/**
 * pg is required (CommonJS), not imported: it is external (next.config.mjs), and an `import` of it resolves its ES
 * module entry, which Turbopack wraps as an async module; with one async module in the build, Turbopack ships its
 * async-module support in every browser page's runtime (+0.45 KiB gzipped on each view, over the first-load budget).
 * Required like better-sqlite3, it is a plain synchronous external. Loaded when a PostgreSQL database is opened.
 */
const requireCjs = createRequire(import.meta.url);
async function loadPg(): Promise<typeof pg> {
  return requireCjs("pg") as typeof pg;
}

async function dialectOf(c: DatabaseConfig) {
  if (c.url) {
    const pgm = await loadPg();
    const types = {
      // bigint columns hold epoch milliseconds and ids: well inside Number's exact range
      getTypeParser: ((oid: number, format?: "text" | "binary") =>
        oid === INT8 ? Number : pgm.types.getTypeParser(oid, format)) as typeof pgm.types.getTypeParser,
    };
    const pool = new pgm.Pool({ connectionString: c.url, max: 10, types });
    // an idle connection the server closed (a restart, a failover) is dropped; the next query makes a new one
    pool.on("error", () => undefined);
    return new PostgresDialect({ pool });
  }
  return new LockingSqliteDialect({
    database: async () => {
      if (c.file) mkdirSync(dirname(c.file), { recursive: true });
      const d = new Database(c.file ?? ":memory:");
      d.pragma("journal_mode = WAL");
      d.pragma(`busy_timeout = ${c.busyTimeoutMs ?? 10_000}`);
      return d;
    },
  });
}

/** Opens the database and brings its schema to the latest migration (loaded on first use: not at build, nor import). */
export async function openMigrated(c: DatabaseConfig): Promise<Db> {
  const d = new Kysely<Schema>({ dialect: await dialectOf(c) });
  try {
    await migrateToLatest(d as unknown as Kysely<unknown>, c.url ? "postgres" : "sqlite");
  } catch (e) {
    await d.destroy().catch(() => undefined);
    throw e;
  }
  return d;
}

export async function selectOne(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}

export async function pgNotify(db: Db, channel: string, payload: string): Promise<void> {
  await sql`select pg_notify(${channel}, ${payload})`.execute(db);
}

/** The connection that LISTENs, for notifications to every replica. */
export async function pgListener(url: string): Promise<pg.Client> {
  return new (await loadPg()).Client({ connectionString: url });
}
