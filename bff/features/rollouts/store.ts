import type { ZenithDatabase } from "../../db/database";
import type { RolloutRunsTable } from "../../db/schema";
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

/** The channel a new event is announced on (its payload: the run id). */
export const EVENTS_CHANNEL = "zenith_rollout_events";

const toDb = (k: keyof RunRow, v: unknown) =>
  (JSON_COLS as readonly string[]).includes(k) ? (v == null ? null : JSON.stringify(v)) : typeof v === "boolean" ? Number(v) : v;
const rowToDb = (patch: Partial<RunRow>) =>
  Object.fromEntries(Object.entries(patch).map(([k, v]) => [k, toDb(k as keyof RunRow, v)])) as Partial<RolloutRunsTable>;

function fromDb(r: RolloutRunsTable): RunRow {
  const o: Record<string, unknown> = { ...r };
  for (const k of JSON_COLS) o[k] = r[k] == null ? null : JSON.parse(String(r[k]));
  o.drain = Boolean(r.drain);
  return o as unknown as RunRow;
}

export type RolloutStore = ReturnType<typeof createRolloutStore>;

/** Runs and their events in the shared database; an appended event is announced to every replica. */
export function createRolloutStore(database: ZenithDatabase) {
  const db = () => database.get();
  const runs = async () => (await db()).selectFrom("rollout_runs").selectAll();
  return {
    /**
     * Stores a new run and its lease in one transaction; false (and nothing stored) when another run holds the
     * pool's lease.
     */
    async insert(run: RunRow, lease: { owner: string; expiresAt: number }): Promise<boolean> {
      return (await db()).transaction().execute(async (trx) => {
        const took = await trx
          .insertInto("rollout_leases")
          .values({ run_id: run.id, pool: run.pool, owner: lease.owner, expires_at: lease.expiresAt })
          .onConflict((oc) => oc.doNothing())
          .returning("run_id")
          .execute();
        if (!took.length) return false;
        await trx
          .insertInto("rollout_runs")
          .values(rowToDb(run) as RolloutRunsTable)
          .execute();
        return true;
      });
    },
    async update(id: string, patch: Partial<RunRow>): Promise<void> {
      if (!Object.keys(patch).length) return;
      await (await db()).updateTable("rollout_runs").set(rowToDb(patch)).where("id", "=", id).execute();
    },
    /** Ends a run that is still `running` with this patch; false when it had ended already (its owner got there first). */
    async finishIfRunning(id: string, patch: Partial<RunRow>): Promise<boolean> {
      const r = await (await db())
        .updateTable("rollout_runs")
        .set(rowToDb(patch))
        .where("id", "=", id)
        .where("status", "=", "running")
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async get(id: string): Promise<RunRow | undefined> {
      const r = await (await runs()).where("id", "=", id).executeTakeFirst();
      return r ? fromDb(r) : undefined;
    },
    async list(limit = 100): Promise<RunRow[]> {
      return (await (await runs()).orderBy("startedAt", "desc").limit(limit).execute()).map(fromDb);
    },
    async running(): Promise<RunRow[]> {
      return (await (await runs()).where("status", "=", "running").execute()).map(fromDb);
    },
    /** Appends an event after the run's last (only its lease holder writes a run's events). */
    async append(runId: string, type: string, ts: number, data: unknown): Promise<number> {
      const seq = await (await db()).transaction().execute(async (trx) => {
        const last = await trx
          .selectFrom("rollout_events")
          .select((e) => e.fn.max("seq").as("n"))
          .where("run_id", "=", runId)
          .executeTakeFirst();
        const next = Number(last?.n ?? 0) + 1;
        await trx
          .insertInto("rollout_events")
          .values({ run_id: runId, seq: next, ts, type, data: JSON.stringify(data) })
          .execute();
        return next;
      });
      await database.notify(EVENTS_CHANNEL, runId).catch(() => undefined); // readers poll as well
      return seq;
    },
    async after(runId: string, seq: number, limit = 500): Promise<StoredEvent[]> {
      const rows = await (await db())
        .selectFrom("rollout_events")
        .select(["seq", "ts", "type", "data"])
        .where("run_id", "=", runId)
        .where("seq", ">", seq)
        .orderBy("seq")
        .limit(limit)
        .execute();
      return rows.map((e) => ({ ...e, data: JSON.parse(e.data) }));
    },
    async dataOf(runId: string, type: string): Promise<unknown[]> {
      const rows = await (await db())
        .selectFrom("rollout_events")
        .select("data")
        .where("run_id", "=", runId)
        .where("type", "=", type)
        .orderBy("seq")
        .execute();
      return rows.map((e) => JSON.parse(e.data));
    },
  };
}
