import { dirname, resolve } from "node:path";
import { createDatabase, type ZenithDatabase } from "../db/database";
import type { BffDeps } from "../deps";
import { createAuditLog, type AuditLog } from "../audit/audit-log";
import { createLocks, createPlanBook, type Locks, type PlanBook } from "./plans";
import type { Logger } from "pino";
import { createHttp, type Http } from "../openstack/http";
import { createMetrics, type Metrics } from "./metrics";
import { silentLogger } from "./logger";
import { createKeystone, type Keystone } from "../openstack/keystone";
import { createDhcpFacts } from "../features/dhcp/shared";
import type { DhcpState } from "../features/dhcp/audit";
import { createRbdFactsCache, type RbdFactsCache } from "../features/lineage/rbd-cache";
import { createLineageFacts, type GatheredLineage } from "../features/lineage/shared";
import type { SharedFacts } from "./shared-facts";
import { createRolloutService, type RolloutService } from "../features/rollouts/service";
import { createTokenCache } from "../session/token-cache";
import { createLoginLimiter, type LoginLimiter } from "../session/login-limiter";
import { DEFAULT_STREAM_LIMITS, createStreamSlots, type StreamLimits, type StreamSlots } from "./stream-slots";
import { createSessionService, type SessionService } from "../session/session-service";

/** Long-lived objects built once per app from its deps. */
export interface Services {
  deps: BffDeps;
  http: Http;
  /** Prometheus metrics of this app (its own registry). */
  metrics: Metrics;
  logger: Logger;
  keystone: Keystone;
  sessions: SessionService;
  /** The shared database (SQLite or PostgreSQL); `db.ping()` is the readiness check. */
  db: ZenithDatabase;
  audit: AuditLog;
  loginLimiter: LoginLimiter;
  streamSlots: StreamSlots;
  streamLimits: StreamLimits;
  /** Dry-run plans by user, valid PLAN_TTL_MS. */
  plans: PlanBook;
  /** Images and networks an execution is working on. */
  locks: Locks;
  rollouts: RolloutService;
  /** Lineage's gathered facts, shared by admin viewers for LINEAGE_SHARED_MS. */
  lineageFacts: SharedFacts<GatheredLineage>;
  /** Each RBD image's facts as lineage last read them, reused by its gathers for RBD_FACTS_TTL_MS. */
  rbdFacts: RbdFactsCache;
  /** DHCP HA's Neutron facts, shared by admin viewers for DHCP_SHARED_MS. */
  dhcpFacts: SharedFacts<DhcpState>;
}

export function createServices(deps: BffDeps): Services {
  const metrics = createMetrics();
  const http = createHttp({
    fetch: deps.fetch,
    timeoutMs: deps.upstreamTimeoutMs,
    timeouts: deps.upstreamTimeouts,
    breaker: deps.breaker,
    onCall: (call) => {
      metrics.upstream(call);
      deps.onUpstreamCall?.(call);
    },
  });
  metrics.watchBreakers(http.breakers);
  const keystone = createKeystone(http, deps.cloud.authUrl);
  const sessions = createSessionService(keystone, createTokenCache(deps.tokenCacheMs), deps.cloud);
  const db = createDatabase(deps.database ?? {});
  return {
    deps,
    db,
    http,
    metrics,
    logger: deps.logger ?? silentLogger(),
    keystone,
    sessions,
    audit: createAuditLog(db, { legacyDir: deps.database?.file ? dirname(deps.database.file) : undefined }),
    plans: createPlanBook(db),
    locks: createLocks(db),
    rollouts: createRolloutService(deps.rollouts ?? { dataDir: ".data", playbookDir: resolve("rollouts") }, db),
    loginLimiter: createLoginLimiter(deps.loginLimits),
    lineageFacts: createLineageFacts(deps.lineageSharedMs, deps.lineageSlowGatherMs),
    rbdFacts: createRbdFactsCache(),
    dhcpFacts: createDhcpFacts(deps.dhcpSharedMs, deps.dhcpSlowReadMs),
    streamSlots: createStreamSlots((deps.streams ?? DEFAULT_STREAM_LIMITS).maxPerSession),
    streamLimits: deps.streams ?? DEFAULT_STREAM_LIMITS,
  };
}
