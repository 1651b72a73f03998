import type { Kysely } from "kysely";
import type { Migration } from "kysely";
import type { DatabaseKind } from "../database";

/** The shared state of issue 15: the audit log, rollouts and their leases, plans and their locks, learned throughput. */
export function initial(kind: DatabaseKind): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("audit")
        .addColumn("id", kind === "postgres" ? "bigserial" : "integer", (c) =>
          kind === "postgres" ? c.primaryKey() : c.primaryKey().autoIncrement(),
        )
        .addColumn("at", "bigint", (c) => c.notNull())
        .addColumn("finished_at", "bigint")
        .addColumn("request_id", "text", (c) => c.notNull())
        .addColumn("plan_id", "text")
        .addColumn("user_id", "text", (c) => c.notNull())
        .addColumn("user", "text", (c) => c.notNull())
        .addColumn("project_id", "text", (c) => c.notNull())
        .addColumn("project", "text", (c) => c.notNull())
        .addColumn("source", "text", (c) => c.notNull())
        .addColumn("action", "text", (c) => c.notNull())
        .addColumn("target", "text", (c) => c.notNull())
        .addColumn("step", "text", (c) => c.notNull())
        .addColumn("result", "text", (c) => c.notNull())
        .addColumn("detail", "text")
        .execute();
      await db.schema.createIndex("audit_user").on("audit").columns(["user", "id"]).execute();
      await db.schema.createIndex("audit_action").on("audit").columns(["action", "id"]).execute();

      const text = ["id", "pool", "version", "serial", "status", "startedBy", "startedAt", "batches", "runDir"];
      const nullableText = ["stoppedBy", "stopReason", "error", "finishedAt", "limitHosts", "retryOf"];
      const ints = ["maxFailPercentage", "minHealthy", "drain", "served", "failed"];
      let runs = db.schema.createTable("rollout_runs");
      for (const c of text) runs = runs.addColumn(c, "text", (b) => (c === "id" ? b.primaryKey() : b.notNull()));
      for (const c of nullableText) runs = runs.addColumn(c, "text");
      for (const c of ints) runs = runs.addColumn(c, "integer", (b) => b.notNull());
      await runs.addColumn("pid", "integer").addColumn("exitCode", "integer").execute();
      await db.schema.createIndex("rollout_runs_started").on("rollout_runs").column("startedAt").execute();
      await db.schema.createIndex("rollout_runs_status").on("rollout_runs").column("status").execute();

      await db.schema
        .createTable("rollout_events")
        .addColumn("run_id", "text", (c) => c.notNull())
        .addColumn("seq", "integer", (c) => c.notNull())
        .addColumn("ts", "double precision", (c) => c.notNull())
        .addColumn("type", "text", (c) => c.notNull())
        .addColumn("data", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("rollout_events_pk", ["run_id", "seq"])
        .execute();

      await db.schema
        .createTable("rollout_leases")
        .addColumn("run_id", "text", (c) => c.primaryKey())
        .addColumn("pool", "text", (c) => c.notNull().unique())
        .addColumn("owner", "text", (c) => c.notNull())
        .addColumn("expires_at", "bigint", (c) => c.notNull())
        .execute();

      await db.schema
        .createTable("plans")
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("plan_id", "text", (c) => c.notNull())
        .addColumn("user_id", "text", (c) => c.notNull())
        .addColumn("made_at", "bigint", (c) => c.notNull())
        .addPrimaryKeyConstraint("plans_pk", ["kind", "plan_id", "user_id"])
        .execute();

      await db.schema
        .createTable("plan_locks")
        .addColumn("key", "text", (c) => c.primaryKey())
        .addColumn("holder", "text", (c) => c.notNull())
        .addColumn("owner", "text", (c) => c.notNull())
        .addColumn("expires_at", "bigint", (c) => c.notNull())
        .execute();

      await db.schema
        .createTable("throughput")
        .addColumn("cloud", "text", (c) => c.primaryKey())
        .addColumn("model", "text", (c) => c.notNull())
        .addColumn("learned_at", "bigint", (c) => c.notNull())
        .execute();
    },
  };
}
