import type { Context } from "hono";
import type { AuditActor, AuditIntent, AuditLog } from "./audit-log";
import type { AuditResult } from "./audit-schema";

/**
 * The client's address as the BFF saw it: the first X-Forwarded-For hop (Next's server sets it), else the
 * socket's peer when the BFF runs standalone on @hono/node-server, else "unknown".
 */
export function sourceOf(c: Context): string {
  const xff = c.req.header("x-forwarded-for")?.split(",")[0]?.trim();
  if (xff) return xff;
  const peer = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress;
  return peer ?? c.req.header("x-real-ip") ?? "unknown";
}

/** Who is acting, from the request's session. */
export function actorOf(c: Context): AuditActor {
  const s = c.get("session");
  return {
    requestId: c.get("requestId"),
    userId: s.body.user.id,
    user: s.body.user.name,
    projectId: s.projectId,
    project: s.body.project?.name ?? s.projectId,
    source: sourceOf(c),
  };
}

export interface Outcome {
  result: Exclude<AuditResult, "pending">;
  detail: string | null;
}

/**
 * Runs one step with its intent written first: if the intent cannot be written the step does not run (the
 * log throws 503 audit_unavailable). The result is written after, and a step that throws is recorded as an
 * error before the throw goes on.
 */
export async function audited<T>(log: AuditLog, intent: AuditIntent, run: () => Promise<T>, outcome: (v: T) => Outcome): Promise<T> {
  const id = await log.intent(intent);
  let value: T;
  try {
    value = await run();
  } catch (e) {
    await log.result(id, "error", e instanceof Error ? e.message : String(e));
    throw e;
  }
  const o = outcome(value);
  await log.result(id, o.result, o.detail);
  return value;
}
