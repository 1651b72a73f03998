// A stand-in for one Zenith replica's data layer, for the tests of two replicas on one database: waits until
// `startAt` (epoch ms, so both start together), does one thing, prints one JSON line, exits.
//   db-replica.ts <config JSON> <startAt> migrate
//   db-replica.ts <config JSON> <startAt> lock <holder> <key,key,…> <holdMs>
//   db-replica.ts <config JSON> <startAt> audit <tag> <count>
import { createAuditLog } from "../audit/audit-log";
import { createDatabase } from "../db/database";
import { createLocks } from "../lib/plans";

const [configJson, startAt, op, ...args] = process.argv.slice(2);
const db = createDatabase(JSON.parse(configJson));
const out = (o: unknown) => process.stdout.write(`${JSON.stringify(o)}\n`);

void (async () => {
  await new Promise((r) => setTimeout(r, Math.max(0, Number(startAt) - Date.now())));
  try {
    if (op === "migrate") {
      await db.ping();
      out({ ok: true });
    } else if (op === "lock") {
      const [holder, keys, holdMs] = args;
      try {
        const release = await createLocks(db).acquire(keys.split(","), holder);
        await new Promise((r) => setTimeout(r, Number(holdMs)));
        await release();
        out({ ok: true, won: true });
      } catch (e) {
        out({ ok: true, won: false, status: (e as { status?: number }).status, code: (e as { code?: string }).code });
      }
    } else if (op === "audit") {
      const [tag, count] = args;
      const log = createAuditLog(db);
      for (let i = 0; i < Number(count); i++) {
        const who = { requestId: `${tag}-${i}`, userId: "u", user: tag, projectId: "p", project: "p", source: "127.0.0.1" };
        const id = await log.intent({ ...who, planId: null, action: "test.write", target: `t${i}`, step: `${tag} step ${i}` });
        await log.result(id, "ok", null);
      }
      out({ ok: true });
    } else throw new Error(`unknown op ${op}`);
  } catch (e) {
    out({ ok: false, error: e instanceof Error ? e.message : String(e) });
  } finally {
    await db.close();
  }
})();
