import Database from "better-sqlite3";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { createDatabase } from "../db/database";
import { ApiError } from "../errors";
import { createAuditLog as openLog, type AuditIntent } from "./audit-log";

/** The log as the app opens it: the shared database in `file` (in memory without), the old JSON lines beside it. */
const createAuditLog = (file?: string) => openLog(createDatabase({ file }), { legacyDir: file ? dirname(file) : undefined });
import { audited } from "./audited-step";

const intent = (step: string, o: Partial<AuditIntent> = {}): AuditIntent => ({
  requestId: "req-1",
  userId: "u-1",
  user: "admin",
  projectId: "p-1",
  project: "admin",
  source: "127.0.0.1",
  planId: "0123456789abcdef",
  action: "dhcp.heal",
  target: "net-1",
  step,
  ...o,
});

describe("audit log (SQLite through the data layer)", () => {
  it("keeps intent then result, newest first, across a reopen of the file", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "zenith-audit-")), "zenith.sqlite");
    const a = createAuditLog(file);
    const one = await a.intent(intent("one"));
    await a.result(one, "ok", null);
    await a.intent(intent("two"));
    const again = (await createAuditLog(file).list({ limit: 10 })).entries;
    expect(again.map((e) => [e.step, e.result])).toEqual([
      ["two", "pending"],
      ["one", "ok"],
    ]);
    expect(again[1]).toMatchObject({
      userId: "u-1",
      user: "admin",
      project: "admin",
      source: "127.0.0.1",
      requestId: "req-1",
      planId: "0123456789abcdef",
    });
    expect(again[1].finishedAt).toMatch(/Z$/);
  });

  it("takes in the JSON-lines log it replaced, once, skipping a torn line", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zenith-audit-"));
    const old = {
      requestId: "r0",
      user: "admin",
      project: "admin",
      action: "dhcp.heal",
      target: "net-1",
      step: "add agent",
      result: "ok",
      detail: null,
    };
    writeFileSync(
      join(dir, "audit.jsonl"),
      `${JSON.stringify({ at: "2026-01-01T00:00:00.000Z", ...old })}\n{"at":"2026-01-02T00:00:00.000Z","requ`,
    );
    const a = createAuditLog(join(dir, "zenith.sqlite"));
    expect((await a.list({ limit: 10 })).entries).toMatchObject([
      { at: "2026-01-01T00:00:00.000Z", user: "admin", step: "add agent", result: "ok", source: "unknown" },
    ]);
    await a.result(await a.intent(intent("new")), "ok", null);
    expect((await createAuditLog(join(dir, "zenith.sqlite")).list({ limit: 10 })).entries.map((e) => e.step)).toEqual(["new", "add agent"]);
  });

  it("takes in the SQLite log it replaced (audit.sqlite), once, in order", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zenith-audit-"));
    const old = new Database(join(dir, "audit.sqlite"));
    old.exec(`CREATE TABLE audit (
      id INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, finished_at INTEGER,
      request_id TEXT NOT NULL, plan_id TEXT, user_id TEXT NOT NULL, user TEXT NOT NULL, project_id TEXT NOT NULL, project TEXT NOT NULL,
      source TEXT NOT NULL, action TEXT NOT NULL, target TEXT NOT NULL, step TEXT NOT NULL, result TEXT NOT NULL, detail TEXT)`);
    const ins = old.prepare(`INSERT INTO audit (at, finished_at, request_id, plan_id, user_id, user, project_id, project, source, action,
      target, step, result, detail) VALUES (?, ?, 'r', 'p', 'u-1', 'admin', 'p-1', 'admin', '10.0.0.1', 'dhcp.heal', 'net-1', ?, ?, ?)`);
    ins.run(1_000, 2_000, "first", "ok", null);
    ins.run(3_000, null, "second", "pending", null);
    ins.run(4_000, 5_000, "third", "error", "boom");
    old.close();
    const a = createAuditLog(join(dir, "zenith.sqlite"));
    await a.result(await a.intent(intent("new")), "ok", null);
    const again = (await createAuditLog(join(dir, "zenith.sqlite")).list({ limit: 10 })).entries;
    expect(again.map((e) => [e.step, e.result])).toEqual([
      ["new", "ok"],
      ["third", "error"],
      ["second", "pending"],
      ["first", "ok"],
    ]);
    expect(again[1]).toMatchObject({ source: "10.0.0.1", userId: "u-1", detail: "boom", at: new Date(4_000).toISOString() });
  });

  it("pages with a cursor and filters by user, action and result", async () => {
    const a = createAuditLog();
    for (let i = 0; i < 5; i++)
      await a.result(
        await a.intent(intent(`s${i}`, { user: i % 2 ? "bob" : "admin", action: i < 3 ? "dhcp.heal" : "lineage.cleanup" })),
        i === 4 ? "refused" : "ok",
        null,
      );
    const p1 = await a.list({ limit: 2 });
    expect(p1.entries.map((e) => e.step)).toEqual(["s4", "s3"]);
    const p2 = await a.list({ limit: 2, before: p1.nextBefore! });
    expect(p2.entries.map((e) => e.step)).toEqual(["s2", "s1"]);
    expect(await a.list({ limit: 2, before: p2.nextBefore! })).toMatchObject({ nextBefore: null });
    expect((await a.list({ limit: 10, user: "bob" })).entries.map((e) => e.step)).toEqual(["s3", "s1"]);
    expect((await a.list({ limit: 10, action: "lineage.cleanup", result: "refused" })).entries.map((e) => e.step)).toEqual(["s4"]);
  });

  it("does not run a step whose intent cannot be written: 503 audit_unavailable", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zenith-audit-"));
    writeFileSync(join(dir, "not-a-dir"), "");
    const a = createAuditLog(join(dir, "not-a-dir", "zenith.sqlite"));
    let ran = 0;
    const err = await audited(
      a,
      intent("x"),
      async () => ++ran,
      () => ({ result: "ok", detail: null }),
    ).catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 503, code: "audit_unavailable" });
    expect(ran).toBe(0);
  });

  it("records a step that throws as an error, then lets the throw go on", async () => {
    const a = createAuditLog();
    await expect(
      audited(
        a,
        intent("boom"),
        async () => {
          throw new Error("upstream down");
        },
        () => ({ result: "ok", detail: null }),
      ),
    ).rejects.toThrow("upstream down");
    expect((await a.list({ limit: 1 })).entries[0]).toMatchObject({ result: "error", detail: "upstream down" });
  });
});
