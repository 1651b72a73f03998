import { resolve } from "node:path";
import type { BffDeps } from "../deps";
import { createAuditLog, type AuditLog } from "../audit/audit-log";
import { createLocks, createPlanBook, type Locks, type PlanBook } from "./plans";
import { createHttp, type Http } from "../openstack/http";
import { createKeystone, type Keystone } from "../openstack/keystone";
import { createRolloutService, type RolloutService } from "../features/rollouts/service";
import { createTokenCache } from "../session/token-cache";
import { createSessionService, type SessionService } from "../session/session-service";

/** Long-lived objects built once per app from its deps. */
export interface Services {
  deps: BffDeps;
  http: Http;
  keystone: Keystone;
  sessions: SessionService;
  audit: AuditLog;
  /** Dry-run plans by user, valid PLAN_TTL_MS. */
  plans: PlanBook;
  /** Images and networks an execution is working on. */
  locks: Locks;
  rollouts: RolloutService;
}

export function createServices(deps: BffDeps): Services {
  const http = createHttp({ fetch: deps.fetch, timeoutMs: deps.upstreamTimeoutMs, onCall: deps.onUpstreamCall });
  const keystone = createKeystone(http, deps.cloud.authUrl);
  const sessions = createSessionService(keystone, createTokenCache(deps.tokenCacheMs), deps.cloud);
  return { deps, http, keystone, sessions, audit: createAuditLog(deps.auditFile), plans: createPlanBook(), locks: createLocks(),
    rollouts: createRolloutService(deps.rollouts ?? { dataDir: ".data", playbookDir: resolve("rollouts") }) };
}
