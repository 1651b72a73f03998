import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import type { Message, RunStatus, StoppedBy } from "./schema";
import type { RolloutSettings } from "./plan";

export interface RunRow extends RolloutSettings {
  id: string;
  status: RunStatus;
  stoppedBy: StoppedBy;
  stopReason: Message | null;
  error: Message | null;
  startedBy: string;
  startedAt: string;
  finishedAt: string | null;
  served: number;
  failed: number;
  batches: string[][];
  limitHosts: string[] | null;
  retryOf: string | null;
  pid: number | null;
  runDir: string;
  exitCode: number | null;
}

export interface StoredEvent {
  seq: number;
  ts: number;
  type: string;
  data: unknown;
}

const JSON_COLS = ["stopReason", "error", "batches", "limitHosts"] as const;
const COLS: (keyof RunRow)[] = [
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
  "startedBy",
  "startedAt",
  "finishedAt",
  "served",
  "failed",
  "batches",
  "limitHosts",
  "retryOf",
  "pid",
  "runDir",
  "exitCode",
];

const toDb = (k: keyof RunRow, v: unknown) =>
  (JSON_COLS as readonly string[]).includes(k) ? (v == null ? null : JSON.stringify(v)) : typeof v === "boolean" ? Number(v) : v;

function fromDb(r: Record<string, unknown>): RunRow {
  const o: Record<string, unknown> = { ...r };
  for (const k of JSON_COLS) o[k] = r[k] == null ? null : JSON.parse(String(r[k]));
  o.drain = Boolean(r.drain);
  return o as unknown as RunRow;
}

export type RolloutStore = ReturnType<typeof openRolloutStore>;

/** Runs and their events in their own SQLite file (WAL) under the data directory. */
export function openRolloutStore(file: string) {
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("busy_timeout = 5000");
  db.exec(`
    CREATE TABLE IF NOT EXISTS runs (${COLS.map((c) => `"${c}"${c === "id" ? " TEXT PRIMARY KEY" : ""}`).join(", ")});
    CREATE INDEX IF NOT EXISTS runs_started ON runs("startedAt");
    CREATE TABLE IF NOT EXISTS events (run_id TEXT NOT NULL, seq INTEGER NOT NULL, ts REAL NOT NULL, type TEXT NOT NULL,
      data TEXT NOT NULL, PRIMARY KEY (run_id, seq));
  `);
  const insert = db.prepare(`INSERT INTO runs (${COLS.map((c) => `"${c}"`).join(", ")}) VALUES (${COLS.map(() => "?").join(", ")})`);
  const getOne = db.prepare(`SELECT * FROM runs WHERE id = ?`);
  const list = db.prepare(`SELECT * FROM runs ORDER BY "startedAt" DESC LIMIT ?`);
  const nextSeq = db.prepare(`SELECT COALESCE(MAX(seq), 0) + 1 AS n FROM events WHERE run_id = ?`);
  const addEvent = db.prepare(`INSERT INTO events (run_id, seq, ts, type, data) VALUES (?, ?, ?, ?, ?)`);
  const after = db.prepare(`SELECT seq, ts, type, data FROM events WHERE run_id = ? AND seq > ? ORDER BY seq LIMIT ?`);
  const ofType = db.prepare(`SELECT data FROM events WHERE run_id = ? AND type = ? ORDER BY seq`);
  const running = db.prepare(`SELECT * FROM runs WHERE status = 'running'`);
  const append = db.transaction((runId: string, type: string, ts: number, data: unknown) => {
    const seq = (nextSeq.get(runId) as { n: number }).n;
    addEvent.run(runId, seq, ts, type, JSON.stringify(data));
    return seq;
  });

  return {
    insert(run: RunRow) {
      insert.run(...COLS.map((c) => toDb(c, run[c])));
    },
    update(id: string, patch: Partial<RunRow>) {
      const keys = Object.keys(patch) as (keyof RunRow)[];
      if (!keys.length) return;
      db.prepare(`UPDATE runs SET ${keys.map((k) => `"${k}" = ?`).join(", ")} WHERE id = ?`).run(...keys.map((k) => toDb(k, patch[k])), id);
    },
    get(id: string): RunRow | undefined {
      const r = getOne.get(id) as Record<string, unknown> | undefined;
      return r ? fromDb(r) : undefined;
    },
    list(limit = 100): RunRow[] {
      return (list.all(limit) as Record<string, unknown>[]).map(fromDb);
    },
    running(): RunRow[] {
      return (running.all() as Record<string, unknown>[]).map(fromDb);
    },
    append: (runId: string, type: string, ts: number, data: unknown): number => append(runId, type, ts, data),
    after(runId: string, seq: number, limit = 500): StoredEvent[] {
      return (after.all(runId, seq, limit) as { seq: number; ts: number; type: string; data: string }[]).map((e) => ({
        ...e,
        data: JSON.parse(e.data),
      }));
    },
    dataOf(runId: string, type: string): unknown[] {
      return (ofType.all(runId, type) as { data: string }[]).map((e) => JSON.parse(e.data));
    },
    close() {
      db.close();
    },
  };
}
