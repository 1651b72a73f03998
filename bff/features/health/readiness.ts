import { ApiError } from "../../errors";
import type { Http } from "../../openstack/http";
import type { DrainCheck } from "./drain";
import type { IdentityCheck, Readiness } from "./schema";

/** How long readiness waits for Keystone: a probe must answer well within a load balancer's check interval. */
export const READY_TIMEOUT_MS = 3000;

/**
 * Whether the cloud is reachable: Keystone's version document at the configured auth URL answers (any status
 * below 500; it needs no token). Not retried: a probe reports what it saw.
 */
export async function identityCheck(http: Http, authUrl: string, timeoutMs = READY_TIMEOUT_MS): Promise<IdentityCheck> {
  try {
    const res = await http.raw({ service: "identity", url: authUrl, retry: false, breaker: false, timeoutMs });
    await res.text().catch(() => "");
    const ok = res.status < 500;
    return { ok, status: res.status, code: ok ? null : "upstream_error" };
  } catch (e) {
    return { ok: false, status: null, code: e instanceof ApiError ? e.code : "internal" };
  }
}

export interface ReadinessChecks {
  identity: IdentityCheck;
  database: { ok: boolean; code?: string };
  /** True when no ZENITH_SESSION_SECRET was configured and this replica generated its own. */
  sessionSecretGenerated: boolean;
  drain: DrainCheck;
}

/** Pure: a replica is ready when Keystone answers, its database answers, its session secret is configured and it is not draining. */
export function readiness(c: ReadinessChecks): Readiness {
  const checks: Readiness["checks"] = {
    identity: c.identity,
    database: { ok: c.database.ok, code: c.database.ok ? null : (c.database.code ?? "database_unavailable") },
    sessionSecret: c.sessionSecretGenerated ? { ok: false, code: "session_secret_generated" } : { ok: true, code: null },
    drain: c.drain,
  };
  return { ready: Object.values(checks).every((x) => x.ok), checks };
}
