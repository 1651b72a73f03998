import type { ZenithDatabase } from "./database";

/** How long readiness waits for the database (HAProxy's check gives up after 5 s: deploy/haproxy/zenith.cfg.example). */
export const DATABASE_READY_TIMEOUT_MS = 3000;

/** Readiness's database check: the shared database opens, is migrated, and answers one round trip in time. */
export async function databaseReady(db: ZenithDatabase, timeoutMs = DATABASE_READY_TIMEOUT_MS): Promise<{ ok: boolean; code?: string }> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, no) => {
    timer = setTimeout(() => no(new Error("timeout")), timeoutMs);
  });
  try {
    await Promise.race([db.ping(), late]);
    return { ok: true };
  } catch {
    return { ok: false, code: "database_unavailable" };
  } finally {
    clearTimeout(timer);
  }
}
