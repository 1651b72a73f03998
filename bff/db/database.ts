import type { Kysely } from "kysely";
import { randomUUID } from "node:crypto";
import { EventEmitter } from "node:events";
import { hostname } from "node:os";
import { join } from "node:path";
import type pg from "pg";
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

/** Kysely, pg and better-sqlite3 are loaded on first use (dialects.ts): importing the BFF stays light. */
const load = () => import("./dialects");

export function createDatabase(config: DatabaseConfig): ZenithDatabase {
  const kind: DatabaseKind = config.url ? "postgres" : "sqlite";
  const local = new EventEmitter().setMaxListeners(0);
  let opening: Promise<Db> | null = null;
  let db: Db | null = null;
  let listening: Promise<pg.Client> | null = null;
  let current: pg.Client | null = null;
  let closed = false;
  const wanted = new Set<string>();

  const get = () => {
    opening ??= (async () => {
      const d = await (await load()).openMigrated(config);
      db = d;
      return d;
    })().catch((e) => {
      opening = null;
      throw e;
    });
    return opening;
  };

  /**
   * One connection LISTENs for every channel asked for. Lost, it is dropped and made again a second later (readers
   * poll meanwhile); made again, it LISTENs to every channel again.
   */
  const listenSql = (ch: string) => `LISTEN "${ch.replace(/"/g, "")}"`;
  const dropListener = (client: pg.Client) => {
    if (current !== client) return;
    current = null;
    listening = null;
    void client.end().catch(() => undefined);
    if (!closed) setTimeout(() => void connectListener().catch(() => undefined), 1000).unref();
  };
  const connectListener = (): Promise<pg.Client> => {
    listening ??= (async () => {
      const client = await (await load()).pgListener(config.url as string);
      current = client;
      client.on("notification", (m) => local.emit(m.channel, m.payload ?? ""));
      client.on("error", () => dropListener(client));
      client.on("end", () => dropListener(client));
      await client.connect();
      for (const ch of wanted) await client.query(listenSql(ch));
      return client;
    })().catch((e) => {
      if (current) dropListener(current);
      else listening = null;
      throw e;
    });
    return listening;
  };
  const listenPg = async (channel: string) => {
    const isNew = !wanted.has(channel);
    wanted.add(channel);
    const client = await connectListener();
    if (isNew) await client.query(listenSql(channel));
  };

  return {
    kind,
    replica: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    get,
    async ping() {
      const d = await get();
      await (await load()).selectOne(d);
    },
    async notify(channel, payload) {
      if (kind === "postgres") await (await load()).pgNotify(await get(), channel, payload);
      else local.emit(channel, payload);
    },
    listen(channel, fn) {
      local.on(channel, fn);
      if (kind === "postgres") void listenPg(channel).catch(() => undefined);
      return () => local.off(channel, fn);
    },
    async close() {
      closed = true;
      const l = current;
      current = null;
      listening = null;
      await l?.end().catch(() => undefined);
      const d = db ?? (opening ? await opening.catch(() => null) : null);
      db = null;
      opening = null;
      await d?.destroy();
    },
  };
}
