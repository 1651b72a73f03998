import type { CloudConfig } from "./config/cloud-config";
import type { Logger } from "pino";
import type { BreakerOptions } from "./openstack/breaker";
import type { UpstreamCall } from "./openstack/http";
import type { ServiceName } from "./openstack/services";
import type { DatabaseConfig } from "./db/database";
import type { RolloutsOptions } from "./features/rollouts/service";
import type { LoginLimits } from "./session/login-limiter";

/** Everything the BFF needs from outside, passed in once (no env reads per request). */
export interface BffDeps {
  cloud: CloudConfig;
  sessionSecret: string;
  /** During a rotation, the retiring secret: cookies it sealed still open (new ones are sealed with sessionSecret). */
  sessionSecretPrevious?: string;
  /** True when ZENITH_SESSION_SECRET is unset and this replica generated a demo secret (readyz answers 503). */
  sessionSecretGenerated?: boolean;
  /** ZENITH_READY_FILE: while set and missing, this replica is draining (readyz answers 503). */
  readyFile?: string;
  fetch: typeof globalThis.fetch;
  /** Upstream request timeout of a service without its own in `upstreamTimeouts`. */
  upstreamTimeoutMs: number;
  /** Per-service upstream timeouts (UPSTREAM_TIMEOUT_DEFAULTS from the environment). */
  upstreamTimeouts?: Partial<Record<ServiceName, number>>;
  /** The circuit breaker per upstream service (DEFAULT_BREAKER when undefined). */
  breaker?: BreakerOptions;
  /** The JSON request log (pino); silent when undefined. */
  logger?: Logger;
  /** A bearer token that may read /api/metrics besides an admin session (ZENITH_METRICS_TOKEN). */
  metricsToken?: string;
  /** How long a validated token is trusted before Keystone is asked again. */
  tokenCacheMs: number;
  /** The app's own origin as browsers reach it (ZENITH_PUBLIC_ORIGIN); when unset, the request's Host. */
  publicOrigin?: string;
  /** Extra allowed Origins for state changes (besides the app's own). */
  allowedOrigins: string[];
  onUpstreamCall?: (call: UpstreamCall) => void;
  /**
   * Ceph Dashboard credentials; the URL comes from the catalog (type ceph-dashboard) or ZENITH_CEPH_URL. Without a
   * username and password the Ceph features answer `ceph_unavailable` (reason not_configured) naming what to set.
   */
  ceph: { url?: string; username?: string; password?: string };
  /** Server-sent event streams: each one's maximum lifetime, and how many one session may hold open (DEFAULT_STREAM_LIMITS). */
  streams?: { maxLifetimeMs: number; maxPerSession: number };
  /** Failed sign-ins allowed per user and per address before 429 (DEFAULT_LOGIN_LIMITS when undefined). */
  loginLimits?: LoginLimits;
  /**
   * The shared database (audit log, rollouts and their leases, plans and locks, learned throughput): PostgreSQL
   * with `url`, else SQLite in `file`; SQLite in memory when undefined (tests).
   */
  database?: DatabaseConfig;
  /** Bound of each Lineage owner walk (Glance, Nova, Cinder); OWNER_WALK_MAX when undefined. */
  lineageWalkMax?: number;
  /** How long one Lineage gather is shared by every viewer; LINEAGE_SHARED_MS (30 s) when undefined (tests: 0). */
  lineageSharedMs?: number;
  /** A Lineage gather slower than this answers viewers past the shared time from the last one; LINEAGE_SLOW_GATHER_MS when undefined. */
  lineageSlowGatherMs?: number;
  /**
   * Lineage fan-out: a parent snapshot is busy above maxRunningClones running clones or maxParentBytes still read
   * from it (ZENITH_FANOUT_MAX_RUNNING_CLONES, ZENITH_FANOUT_MAX_PARENT_BYTES); at most parallelFlattens flattens
   * run at once (ZENITH_FANOUT_PARALLEL_FLATTENS); the bench's result is read from benchFile. FANOUT_DEFAULTS when undefined.
   */
  fanout?: { maxRunningClones?: number; maxParentBytes?: number; parallelFlattens?: number; benchFile?: string };
  /** How long one DHCP read is shared (DHCP_SHARED_MS when undefined), and how slow a read answers from the last one (DHCP_SLOW_READ_MS). */
  dhcpSharedMs?: number;
  dhcpSlowReadMs?: number;
  /** Nova's block_device_allocate_retries and its interval, as configured on the cloud. */
  nova: { blockDeviceAllocateRetries: number; blockDeviceAllocateRetriesInterval: number };
  /**
   * What Glance's image_conversion import plugin converts to ([image_conversion] output_format), as the operator
   * declares it (ZENITH_GLANCE_CONVERSION): Glance's API does not say which import plugins run. The embedded cloud's
   * Glance converts to raw. Undefined: not declared (Convert to raw then says what the operator must enable).
   */
  glanceConversion?: string;
  /** Admin → Rollouts: ZENITH_ROLLOUTS_CONFIG, the data directory (run dirs), the shipped rollouts/. */
  rollouts?: RolloutsOptions;
}
