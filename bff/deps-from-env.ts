import { databaseConfigFromEnv } from "./db/database";
import type { Env } from "./config/cloud-config";
import { loadCloudConfig } from "./config/cloud-config";
import { loadPreviousSessionSecret, loadSessionSecret } from "./config/session-secret";
import type { BffDeps } from "./deps";
import { resolve } from "node:path";
import { DEFAULT_STREAM_LIMITS } from "./lib/stream-slots";
import { createLogger } from "./lib/logger";
import { DEFAULT_BREAKER } from "./openstack/breaker";
import { SERVICES, type ServiceName } from "./openstack/services";

const num = (v: string | undefined, fallback: number, name: string): number => {
  if (v === undefined || v === "") return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number, got '${v}'`);
  return n;
};

/** ZENITH_PUBLIC_ORIGIN as a bare origin (scheme://host[:port]), or undefined when unset. */
function publicOrigin(v: string | undefined): string | undefined {
  if (!v) return undefined;
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    throw new Error(`ZENITH_PUBLIC_ORIGIN must be an origin such as https://zenith.example.com, got '${v}'`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error(`ZENITH_PUBLIC_ORIGIN must be http(s), got '${v}'`);
  return url.origin;
}

/**
 * Each service's upstream timeout when nothing is configured. Keystone answers token calls in well under a second
 * and gates every request, so it fails fast; Nova's, Cinder's and Neutron's detailed lists on a large project, and
 * Nova's POST /servers (quota, image, port checks before its 202), take seconds on a busy cloud; the Ceph Dashboard's
 * per-image reads are quick unless ceph-mgr is stuck, which its own breaker then catches.
 */
export const UPSTREAM_TIMEOUT_DEFAULTS: Record<ServiceName, number> = {
  identity: 10_000,
  compute: 30_000,
  image: 30_000,
  volume: 30_000,
  network: 30_000,
  ceph: 15_000,
};

/** ZENITH_UPSTREAM_TIMEOUT_MS_<SERVICE>, else ZENITH_UPSTREAM_TIMEOUT_MS for every service, else the default. */
export function upstreamTimeouts(env: Env): Record<ServiceName, number> {
  const all = env.ZENITH_UPSTREAM_TIMEOUT_MS;
  return Object.fromEntries(
    SERVICES.map((s) => {
      const name = `ZENITH_UPSTREAM_TIMEOUT_MS_${s.toUpperCase()}`;
      const ms = num(env[name], num(all, UPSTREAM_TIMEOUT_DEFAULTS[s], "ZENITH_UPSTREAM_TIMEOUT_MS"), name);
      if (ms < 1) throw new Error(`${name} must be at least 1 ms`);
      return [s, ms];
    }),
  ) as Record<ServiceName, number>;
}

/** Reads the environment once, at start-up. */
export function depsFromEnv(env: Env = process.env): BffDeps {
  const cloud = loadCloudConfig(env);
  // Only the embedded cloud has a known Ceph account; any other cloud's must be configured, never guessed.
  const embedded = cloud.source === "embedded";
  return {
    cloud,
    sessionSecret: loadSessionSecret(env),
    sessionSecretPrevious: loadPreviousSessionSecret(env),
    sessionSecretGenerated: !env.ZENITH_SESSION_SECRET,
    readyFile: env.ZENITH_READY_FILE || undefined,
    fetch: (r, init) => globalThis.fetch(r, init),
    upstreamTimeoutMs: num(env.ZENITH_UPSTREAM_TIMEOUT_MS, 30_000, "ZENITH_UPSTREAM_TIMEOUT_MS"),
    upstreamTimeouts: upstreamTimeouts(env),
    breaker: {
      failures: num(env.ZENITH_BREAKER_FAILURES, DEFAULT_BREAKER.failures, "ZENITH_BREAKER_FAILURES"),
      coolDownMs: num(env.ZENITH_BREAKER_COOLDOWN_MS, DEFAULT_BREAKER.coolDownMs, "ZENITH_BREAKER_COOLDOWN_MS"),
    },
    logger: createLogger(env),
    metricsToken: env.ZENITH_METRICS_TOKEN || undefined,
    tokenCacheMs: num(env.ZENITH_TOKEN_CACHE_SECONDS, 30, "ZENITH_TOKEN_CACHE_SECONDS") * 1000,
    streams: {
      maxLifetimeMs: num(env.ZENITH_STREAM_MAX_SECONDS, DEFAULT_STREAM_LIMITS.maxLifetimeMs / 1000, "ZENITH_STREAM_MAX_SECONDS") * 1000,
      maxPerSession: num(env.ZENITH_STREAMS_PER_SESSION, DEFAULT_STREAM_LIMITS.maxPerSession, "ZENITH_STREAMS_PER_SESSION"),
    },
    publicOrigin: publicOrigin(env.ZENITH_PUBLIC_ORIGIN),
    allowedOrigins: (env.ZENITH_ALLOWED_ORIGINS ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
    ceph: {
      url: env.ZENITH_CEPH_URL || undefined,
      username: env.ZENITH_CEPH_USER || (embedded ? "admin" : undefined),
      password: env.ZENITH_CEPH_PASSWORD || (embedded ? "zenith-ceph" : undefined),
    },
    database: databaseConfigFromEnv(env),
    rollouts: {
      configFile: env.ZENITH_ROLLOUTS_CONFIG || undefined,
      dataDir: env.ZENITH_DATA_DIR ?? ".data",
      playbookDir: env.ZENITH_ROLLOUTS_DIR ?? resolve("rollouts"),
      leaseMs: num(env.ZENITH_ROLLOUT_LEASE_SECONDS, 15, "ZENITH_ROLLOUT_LEASE_SECONDS") * 1000,
    },
    fanout: {
      maxRunningClones: num(env.ZENITH_FANOUT_MAX_RUNNING_CLONES, 20, "ZENITH_FANOUT_MAX_RUNNING_CLONES"),
      maxParentBytes: num(env.ZENITH_FANOUT_MAX_PARENT_BYTES, 100 * 1024 ** 3, "ZENITH_FANOUT_MAX_PARENT_BYTES"),
      parallelFlattens: Math.max(1, num(env.ZENITH_FANOUT_PARALLEL_FLATTENS, 2, "ZENITH_FANOUT_PARALLEL_FLATTENS")),
      benchFile: `${env.ZENITH_DATA_DIR ?? ".data"}/fanout-bench.json`,
    },
    glanceConversion: env.ZENITH_GLANCE_CONVERSION || (embedded ? "raw" : undefined),
    nova: {
      blockDeviceAllocateRetries: num(env.ZENITH_NOVA_BDA_RETRIES, 60, "ZENITH_NOVA_BDA_RETRIES"),
      blockDeviceAllocateRetriesInterval: num(env.ZENITH_NOVA_BDA_INTERVAL, 3, "ZENITH_NOVA_BDA_INTERVAL"),
    },
  };
}
