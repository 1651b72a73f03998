import type { Insertable } from "kysely";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { insertChunked, isEmpty } from "../db/bulk";
import type { Db } from "../db/database";
import type { AuditTable } from "../db/schema";

/**
 * Once, into an empty log: the records of the JSON-lines log this replaced (`audit.jsonl`), which knew no user
 * id, project id, source address or plan id. A torn line is skipped, as that log's reader did.
 */
function fromJsonl(legacy: string): Insertable<AuditTable>[] {
  const rows: Insertable<AuditTable>[] = [];
  for (const line of readFileSync(legacy, "utf8").split("\n")) {
    let e: Record<string, unknown>;
    try {
      e = JSON.parse(line);
    } catch {
      continue;
    }
    const at = Date.parse(String(e.at));
    if (!Number.isFinite(at)) continue;
    const str = (k: string) => String(e[k] ?? "");
    rows.push({
      at,
      finished_at: at,
      request_id: str("requestId"),
      plan_id: null,
      user_id: "",
      user: str("user"),
      project_id: "",
      project: str("project"),
      source: "unknown",
      action: str("action"),
      target: str("target"),
      step: str("step"),
      result: e.result === "error" ? "error" : "ok",
      detail: typeof e.detail === "string" ? e.detail : null,
    });
  }
  return rows;
}

/** The rows of the SQLite audit log (`audit.sqlite`, ZENITH_AUDIT_FILE) that the shared database replaced. */
async function fromSqlite(file: string): Promise<Insertable<AuditTable>[]> {
  const { default: Database } = await import("better-sqlite3");
  const old = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (old.prepare("SELECT * FROM audit ORDER BY id").all() as (AuditTable & { id?: number })[]).map(({ id: _id, ...r }) => r);
  } finally {
    old.close();
  }
}

/**
 * Once, into an empty log, the records of the log this one replaced in `dir`: `audit.sqlite` (the SQLite log before
 * the shared database, which had already taken in `audit.jsonl`), else `audit.jsonl`.
 */
export async function importLegacyAudit(db: Db, dir: string): Promise<void> {
  const sqliteFile = join(dir, "audit.sqlite"),
    jsonl = join(dir, "audit.jsonl");
  if (!existsSync(sqliteFile) && !existsSync(jsonl)) return;
  if (!(await isEmpty(db, "audit"))) return;
  const rows = existsSync(sqliteFile) ? await fromSqlite(sqliteFile) : fromJsonl(jsonl);
  if (!rows.length) return;
  await db.transaction().execute((t) => insertChunked(t, "audit", rows));
}
