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
import { randomUUID } from "node:crypto";
import { EventEmitter } from "node:events";
import { mkdirSync } from "node:fs";
import { hostname } from "node:os";
import { dirname, join } from "node:path";
import pg from "pg";
import { migrateToLatest } from "./migrate";
import type { Schema } from "./schema";

export type DatabaseKind = "sqlite" | "postgres";
export type Db = Kysely<Schema>;

/** `url` postgres://… selects PostgreSQL; otherwise SQLite in `file` (undefined: in memory, for tests). */
export interface DatabaseConfig {
  url?: string;
  file?: string;
  /** How long a SQLite writer waits for another process's write lock. */
  busyTimeoutMs?: number;
}

export interface ZenithDatabase {
  kind: DatabaseKind;
  /** This process's id as a lease owner: host, pid and a random part (a restarted process is a new owner). */
  replica: string;
  /** The migrated database, opened on first use; a failed open or migration rejects, and the next call tries again. */
  get(): Promise<Db>;
  /** Readiness: opens and migrates if needed, then one round trip (`select 1`); rejects when the database does not answer. */
  ping(): Promise<void>;
  /** Tells every replica's listeners of `channel` (PostgreSQL NOTIFY; in-process on SQLite, where readers poll). */
  notify(channel: string, payload: string): Promise<void>;
  /** Calls `fn` on each notification of `channel`; returns the unsubscribe. */
  listen(channel: string, fn: (payload: string) => void): () => void;
  close(): Promise<void>;
}

/** ZENITH_DATABASE_URL (postgres://…) or SQLite at `$ZENITH_DATA_DIR/zenith.sqlite` (default `.data/`). */
export function databaseConfigFromEnv(env: Record<string, string | undefined>): DatabaseConfig {
  const url = env.ZENITH_DATABASE_URL?.trim();
  if (url && !/^postgres(ql)?:\/\//.test(url)) throw new Error("ZENITH_DATABASE_URL must be a postgres:// URL (or unset for SQLite).");
  return url ? { url } : { file: join(env.ZENITH_DATA_DIR || ".data", "zenith.sqlite") };
}

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
const pgTypes = {
  // bigint columns hold epoch milliseconds and ids: well inside Number's exact range
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === INT8 ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

function dialectOf(c: DatabaseConfig) {
  if (c.url) return new PostgresDialect({ pool: new pg.Pool({ connectionString: c.url, max: 10, types: pgTypes }) });
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

export function createDatabase(config: DatabaseConfig): ZenithDatabase {
  const kind: DatabaseKind = config.url ? "postgres" : "sqlite";
  const local = new EventEmitter().setMaxListeners(0);
  let opening: Promise<Db> | null = null;
  let db: Db | null = null;
  let listener: pg.Client | null = null;
  const channels = new Set<string>();

  const get = () => {
    opening ??= (async () => {
      const d = new Kysely<Schema>({ dialect: dialectOf(config) });
      try {
        await migrateToLatest(d as unknown as Kysely<unknown>, kind);
      } catch (e) {
        await d.destroy().catch(() => undefined);
        throw e;
      }
      db = d;
      return d;
    })().catch((e) => {
      opening = null;
      throw e;
    });
    return opening;
  };

  /** One connection LISTENs for every channel; lost, it is dropped, and readers keep polling. */
  const listenPg = async (channel: string) => {
    if (!listener) {
      const client = new pg.Client({ connectionString: config.url });
      listener = client;
      client.on("notification", (m) => local.emit(m.channel, m.payload ?? ""));
      client.on("error", () => {
        if (listener === client) listener = null;
        channels.clear();
        void client.end().catch(() => undefined);
      });
      await client.connect();
    }
    if (!channels.has(channel)) {
      channels.add(channel);
      await listener.query(`LISTEN "${channel.replace(/"/g, "")}"`);
    }
  };

  return {
    kind,
    replica: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    get,
    async ping() {
      await sql`select 1`.execute(await get());
    },
    async notify(channel, payload) {
      if (kind === "postgres") await sql`select pg_notify(${channel}, ${payload})`.execute(await get());
      else local.emit(channel, payload);
    },
    listen(channel, fn) {
      local.on(channel, fn);
      if (kind === "postgres") void listenPg(channel).catch(() => undefined);
      return () => local.off(channel, fn);
    },
    async close() {
      const l = listener;
      listener = null;
      channels.clear();
      await l?.end().catch(() => undefined);
      const d = db ?? (opening ? await opening.catch(() => null) : null);
      db = null;
      opening = null;
      await d?.destroy();
    },
  };
}
