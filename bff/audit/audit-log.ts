import type { Selectable } from "kysely";
import type { Db, ZenithDatabase } from "../db/database";
import type { AuditTable } from "../db/schema";
import { importLegacyAudit } from "./legacy-import";
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
  intent(i: AuditIntent): Promise<number>;
  /** Writes the step's result; throws 503 audit_unavailable when it cannot be written. */
  result(id: number, result: Exclude<AuditResult, "pending">, detail: string | null): Promise<void>;
  /** Newest first, `limit` at a time; `nextBefore` is the cursor of the next page, or null. */
  list(q: AuditQuery): Promise<{ entries: AuditEntry[]; nextBefore: number | null }>;
}

const unavailable = (e: unknown) =>
  new ApiError(
    503,
    "audit_unavailable",
    `The audit log cannot be written (${e instanceof Error ? e.message : String(e)}); no step runs without its record.`,
  );

const toEntry = (r: Selectable<AuditTable>): AuditEntry => ({
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
  result: r.result as AuditResult,
  detail: r.detail,
});

/**
 * The audit log in the shared database (SQLite WAL or PostgreSQL): one row per step, so a torn write cannot
 * corrupt the next record, nothing lives only in memory, and every replica writes to and reads the same log.
 * The database is opened on first use, so an unwritable path fails the first step (503), not the app's start.
 */
export function createAuditLog(database: ZenithDatabase, o: { now?: () => number; legacyDir?: string } = {}): AuditLog {
  const now = o.now ?? Date.now;
  let imported: Promise<void> | null = null;
  const guard = async <T>(fn: (d: Db) => Promise<T>): Promise<T> => {
    try {
      const d = await database.get();
      if (o.legacyDir) {
        imported ??= importLegacyAudit(d, o.legacyDir).catch((e) => {
          imported = null;
          throw e;
        });
        await imported;
      }
      return await fn(d);
    } catch (e) {
      throw unavailable(e);
    }
  };
  return {
    intent: (i) =>
      guard(async (d) => {
        const r = await d
          .insertInto("audit")
          .values({
            at: now(),
            request_id: i.requestId,
            plan_id: i.planId,
            user_id: i.userId,
            user: i.user,
            project_id: i.projectId,
            project: i.project,
            source: i.source,
            action: i.action,
            target: i.target,
            step: i.step,
            result: "pending",
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        return Number(r.id);
      }),
    result: (id, result, detail) =>
      guard(async (d) => {
        const r = await d
          .updateTable("audit")
          .set({ result, detail, finished_at: now() })
          .where("id", "=", id)
          .where("result", "=", "pending")
          .executeTakeFirst();
        if (Number(r.numUpdatedRows) !== 1) throw new Error(`no pending audit record ${id}`);
      }),
    list: (q) =>
      guard(async (d) => {
        let s = d.selectFrom("audit").selectAll();
        if (q.before !== undefined) s = s.where("id", "<", q.before);
        if (q.user) s = s.where("user", "=", q.user);
        if (q.action) s = s.where("action", "=", q.action);
        if (q.result) s = s.where("result", "=", q.result);
        const rows = await s
          .orderBy("id", "desc")
          .limit(q.limit + 1)
          .execute();
        const page = rows.slice(0, q.limit).map(toEntry);
        return { entries: page, nextBefore: rows.length > q.limit && page.length ? page[page.length - 1].id : null };
      }),
  };
}
