import type { Env } from "./config/cloud-config";
import { loadCloudConfig } from "./config/cloud-config";
import { loadPreviousSessionSecret, loadSessionSecret } from "./config/session-secret";
import type { BffDeps } from "./deps";
import { resolve } from "node:path";
import { DEFAULT_STREAM_LIMITS } from "./lib/stream-slots";

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
  try { url = new URL(v); } catch { throw new Error(`ZENITH_PUBLIC_ORIGIN must be an origin such as https://zenith.example.com, got '${v}'`); }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error(`ZENITH_PUBLIC_ORIGIN must be http(s), got '${v}'`);
  return url.origin;
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
    fetch: (r, init) => globalThis.fetch(r, init),
    upstreamTimeoutMs: num(env.ZENITH_UPSTREAM_TIMEOUT_MS, 30_000, "ZENITH_UPSTREAM_TIMEOUT_MS"),
    tokenCacheMs: num(env.ZENITH_TOKEN_CACHE_SECONDS, 30, "ZENITH_TOKEN_CACHE_SECONDS") * 1000,
    streams: {
      maxLifetimeMs: num(env.ZENITH_STREAM_MAX_SECONDS, DEFAULT_STREAM_LIMITS.maxLifetimeMs / 1000, "ZENITH_STREAM_MAX_SECONDS") * 1000,
      maxPerSession: num(env.ZENITH_STREAMS_PER_SESSION, DEFAULT_STREAM_LIMITS.maxPerSession, "ZENITH_STREAMS_PER_SESSION"),
    },
    publicOrigin: publicOrigin(env.ZENITH_PUBLIC_ORIGIN),
    allowedOrigins: (env.ZENITH_ALLOWED_ORIGINS ?? "").split(",").map((s) => s.trim()).filter(Boolean),
    ceph: {
      url: env.ZENITH_CEPH_URL || undefined,
      username: env.ZENITH_CEPH_USER || (embedded ? "admin" : undefined),
      password: env.ZENITH_CEPH_PASSWORD || (embedded ? "zenith-ceph" : undefined),
    },
    auditFile: env.ZENITH_AUDIT_FILE ?? `${env.ZENITH_DATA_DIR ?? ".data"}/audit.sqlite`,
    rollouts: {
      configFile: env.ZENITH_ROLLOUTS_CONFIG || undefined,
      dataDir: env.ZENITH_DATA_DIR ?? ".data",
      playbookDir: env.ZENITH_ROLLOUTS_DIR ?? resolve("rollouts"),
    },
    nova: {
      blockDeviceAllocateRetries: num(env.ZENITH_NOVA_BDA_RETRIES, 60, "ZENITH_NOVA_BDA_RETRIES"),
      blockDeviceAllocateRetriesInterval: num(env.ZENITH_NOVA_BDA_INTERVAL, 3, "ZENITH_NOVA_BDA_INTERVAL"),
    },
  };
}
