import Database from "better-sqlite3";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { ApiError } from "../errors";
import type { AuditEntry, AuditResult } from "./audit-schema";

export type { AuditEntry };

/** Who asked: the session's user and project, the client's address and the BFF request id. */
export interface AuditActor {
  requestId: string;
  userId: string;
  user: string;
  projectId: string;
  project: string;
  source: string;
}
export type AuditIntent = AuditActor & { planId: string | null; action: string; target: string; step: string };
export interface AuditQuery {
  limit: number;
  before?: number;
  user?: string;
  action?: string;
  result?: AuditResult;
}

export interface AuditLog {
  /** Writes a step's intent before it runs; throws 503 audit_unavailable when it cannot be written. */
  intent(i: AuditIntent): number;
  /** Writes the step's result; throws 503 audit_unavailable when it cannot be written. */
  result(id: number, result: Exclude<AuditResult, "pending">, detail: string | null): void;
  /** Newest first, `limit` at a time; `nextBefore` is the cursor of the next page, or null. */
  list(q: AuditQuery): { entries: AuditEntry[]; nextBefore: number | null };
}

const unavailable = (e: unknown) =>
  new ApiError(
    503,
    "audit_unavailable",
    `The audit log cannot be written (${e instanceof Error ? e.message : String(e)}); no step runs without its record.`,
  );

type Row = Omit<AuditEntry, "at" | "finishedAt"> & {
  at: number;
  finished_at: number | null;
  plan_id: string | null;
  request_id: string;
  user_id: string;
  project_id: string;
};
const toEntry = (r: Row): AuditEntry => ({
  id: r.id,
  at: new Date(r.at).toISOString(),
  finishedAt: r.finished_at === null ? null : new Date(r.finished_at).toISOString(),
  requestId: r.request_id,
  planId: r.plan_id,
  userId: r.user_id,
  user: r.user,
  projectId: r.project_id,
  project: r.project,
  source: r.source,
  action: r.action,
  target: r.target,
  step: r.step,
  result: r.result,
  detail: r.detail,
});

/**
 * Once, into an empty log: the records of the JSON-lines log this replaced (`audit.jsonl` beside it), which knew
 * no user id, project id, source address or plan id. A torn line is skipped, as that log's reader did.
 */
function importLegacy(d: Database.Database, legacy: string): void {
  if (!existsSync(legacy) || (d.prepare("SELECT COUNT(*) AS n FROM audit").get() as { n: number }).n > 0) return;
  const insert =
    d.prepare(`INSERT INTO audit (at, finished_at, request_id, plan_id, user_id, user, project_id, project, source, action, target, step, result, detail)
    VALUES (?, ?, ?, NULL, '', ?, '', ?, 'unknown', ?, ?, ?, ?, ?)`);
  d.transaction(() => {
    for (const line of readFileSync(legacy, "utf8").split("\n")) {
      let e: Record<string, unknown>;
      try {
        e = JSON.parse(line);
      } catch {
        continue;
      }
      const at = Date.parse(String(e.at));
      if (!Number.isFinite(at)) continue;
      insert.run(
        at,
        at,
        String(e.requestId ?? ""),
        String(e.user ?? ""),
        String(e.project ?? ""),
        String(e.action ?? ""),
        String(e.target ?? ""),
        String(e.step ?? ""),
        e.result === "error" ? "error" : "ok",
        typeof e.detail === "string" ? e.detail : null,
      );
    }
  })();
}

/**
 * The audit log in SQLite (WAL): one row per step, so a torn write cannot corrupt the next record, and nothing
 * lives only in memory. `file` undefined means an in-memory database (tests). The file is opened on first use,
 * so an unwritable path fails the first step (503), not the app's start.
 */
export function createAuditLog(file?: string, now: () => number = Date.now): AuditLog {
  let db: Database.Database | null = null;
  const open = () => {
    if (db) return db;
    if (file) mkdirSync(dirname(file), { recursive: true });
    const d = new Database(file ?? ":memory:");
    d.pragma("journal_mode = WAL");
    d.exec(`CREATE TABLE IF NOT EXISTS audit (
      id INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, finished_at INTEGER,
      request_id TEXT NOT NULL, plan_id TEXT, user_id TEXT NOT NULL, user TEXT NOT NULL, project_id TEXT NOT NULL, project TEXT NOT NULL,
      source TEXT NOT NULL, action TEXT NOT NULL, target TEXT NOT NULL, step TEXT NOT NULL, result TEXT NOT NULL, detail TEXT
    );
    CREATE INDEX IF NOT EXISTS audit_user ON audit (user, id);
    CREATE INDEX IF NOT EXISTS audit_action ON audit (action, id);`);
    if (file) importLegacy(d, join(dirname(file), "audit.jsonl"));
    return (db = d);
  };
  const guard = <T>(fn: (d: Database.Database) => T): T => {
    try {
      return fn(open());
    } catch (e) {
      throw unavailable(e);
    }
  };
  return {
    intent: (i) =>
      guard((d) =>
        Number(
          d
            .prepare(
              `INSERT INTO audit (at, request_id, plan_id, user_id, user, project_id, project, source, action, target, step, result)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending')`,
            )
            .run(now(), i.requestId, i.planId, i.userId, i.user, i.projectId, i.project, i.source, i.action, i.target, i.step)
            .lastInsertRowid,
        ),
      ),
    result: (id, result, detail) =>
      guard((d) => {
        const r = d
          .prepare("UPDATE audit SET result = ?, detail = ?, finished_at = ? WHERE id = ? AND result = 'pending'")
          .run(result, detail, now(), id);
        if (r.changes !== 1) throw new Error(`no pending audit record ${id}`);
      }),
    list: (q) =>
      guard((d) => {
        const where: string[] = [],
          args: (string | number)[] = [];
        if (q.before !== undefined) {
          where.push("id < ?");
          args.push(q.before);
        }
        if (q.user) {
          where.push("user = ?");
          args.push(q.user);
        }
        if (q.action) {
          where.push("action = ?");
          args.push(q.action);
        }
        if (q.result) {
          where.push("result = ?");
          args.push(q.result);
        }
        const rows = d
          .prepare(`SELECT * FROM audit ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY id DESC LIMIT ?`)
          .all(...args, q.limit + 1) as Row[];
        const page = rows.slice(0, q.limit).map(toEntry);
        return { entries: page, nextBefore: rows.length > q.limit && page.length ? page[page.length - 1].id : null };
      }),
  };
}
