import Database from "better-sqlite3";
import { existsSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";

/** Readiness's database check: the audit store's SQLite answers (created, as its first write would, when missing). The shared data layer replaces this body. */
export async function databaseReady(file?: string): Promise<{ ok: boolean; code?: string }> {
  try {
    if (file && !existsSync(file)) mkdirSync(dirname(file), { recursive: true });
    const d = new Database(file ?? ":memory:", { readonly: Boolean(file && existsSync(file)), timeout: 1000 });
    d.prepare("SELECT 1").get();
    d.close();
    return { ok: true };
  } catch {
    return { ok: false, code: "database_unavailable" };
  }
}
