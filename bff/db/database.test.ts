import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { createDatabase, databaseConfigFromEnv } from "./database";
import { ENGINES, freshDatabase } from "./test-databases";

describe("the database from the environment", () => {
  it("is SQLite under ZENITH_DATA_DIR unless ZENITH_DATABASE_URL names PostgreSQL", () => {
    expect(databaseConfigFromEnv({})).toEqual({ file: ".data/zenith.sqlite" });
    expect(databaseConfigFromEnv({ ZENITH_DATA_DIR: "/var/lib/zenith" })).toEqual({ file: "/var/lib/zenith/zenith.sqlite" });
    expect(databaseConfigFromEnv({ ZENITH_DATABASE_URL: "postgres://z@db:5432/zenith" })).toEqual({ url: "postgres://z@db:5432/zenith" });
    expect(() => databaseConfigFromEnv({ ZENITH_DATABASE_URL: "mysql://z@db/zenith" })).toThrow(/postgres:\/\//);
  });
});

describe.each(ENGINES)("the data layer on %s", (engine) => {
  it("ping opens and migrates on first use, and answers", async () => {
    const db = createDatabase(await freshDatabase(engine));
    try {
      await db.ping();
      const tables = (await (await db.get()).introspection.getTables()).map((t) => t.name);
      expect(tables).toEqual(
        expect.arrayContaining(["audit", "rollout_runs", "rollout_events", "rollout_leases", "plans", "plan_locks", "throughput"]),
      );
      expect(db.kind).toBe(engine);
    } finally {
      await db.close();
    }
  });

  it("ping rejects when the database cannot be opened, and succeeds once it can", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zenith-db-"));
    writeFileSync(join(dir, "data"), ""); // a file where the data directory should be
    const db = createDatabase(
      engine === "sqlite" ? { file: join(dir, "data", "zenith.sqlite") } : { url: "postgres://nobody@127.0.0.1:1/none" },
    );
    try {
      await expect(db.ping()).rejects.toThrow();
      if (engine === "sqlite") {
        rmSync(join(dir, "data"));
        await db.ping();
      }
    } finally {
      await db.close();
    }
  });

  it.runIf(engine === "postgres")("a LISTEN connection the server dropped is made again, and notifications arrive again", async () => {
    const config = await freshDatabase(engine);
    const a = createDatabase(config),
      b = createDatabase(config);
    try {
      const heard: string[] = [];
      b.listen("zenith_test", (p) => heard.push(p));
      const until = async (n: number) => {
        for (let i = 0; i < 100 && heard.length < n; i++) await new Promise((r) => setTimeout(r, 50));
      };
      await new Promise((r) => setTimeout(r, 500));
      await a.notify("zenith_test", "one");
      await until(1);
      await sql`select pg_terminate_backend(pid) from pg_stat_activity where query like 'LISTEN%' and datname = current_database()`.execute(
        await a.get(),
      );
      await new Promise((r) => setTimeout(r, 2000));
      await a.notify("zenith_test", "two");
      await until(2);
      expect(heard).toEqual(["one", "two"]);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
