import type { CloudConfig } from "./config/cloud-config";
import type { UpstreamCall } from "./openstack/http";
import type { RolloutsOptions } from "./features/rollouts/service";

/** Everything the BFF needs from outside, passed in once (no env reads per request). */
export interface BffDeps {
  cloud: CloudConfig;
  sessionSecret: string;
  fetch: typeof globalThis.fetch;
  /** Upstream request timeout. */
  upstreamTimeoutMs: number;
  /** How long a validated token is trusted before Keystone is asked again. */
  tokenCacheMs: number;
  /** Extra allowed Origins for state changes (besides the app's own). */
  allowedOrigins: string[];
  onUpstreamCall?: (call: UpstreamCall) => void;
  /** Ceph Dashboard credentials; the URL comes from the catalog (type ceph-dashboard) or ZENITH_CEPH_URL. */
  ceph: { url?: string; username: string; password: string };
  /** SQLite audit log of confirmed admin actions (intent before each step, result after); in memory when undefined. */
  auditFile?: string;
  /** Bound of each Lineage owner walk (Glance, Nova, Cinder); OWNER_WALK_MAX when undefined. */
  lineageWalkMax?: number;
  /** Nova's block_device_allocate_retries and its interval, as configured on the cloud. */
  nova: { blockDeviceAllocateRetries: number; blockDeviceAllocateRetriesInterval: number };
  /** Admin → Rollouts: ZENITH_ROLLOUTS_CONFIG, the data directory (rollouts.sqlite, run dirs), the shipped rollouts/. */
  rollouts?: RolloutsOptions;
}
