import type { Env } from "./config/cloud-config";
import { loadCloudConfig } from "./config/cloud-config";
import { loadSessionSecret } from "./config/session-secret";
import type { BffDeps } from "./deps";
import { resolve } from "node:path";

const num = (v: string | undefined, fallback: number, name: string): number => {
  if (v === undefined || v === "") return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number, got '${v}'`);
  return n;
};

/** Reads the environment once, at start-up. */
export function depsFromEnv(env: Env = process.env): BffDeps {
  return {
    cloud: loadCloudConfig(env),
    sessionSecret: loadSessionSecret(env),
    fetch: (r, init) => globalThis.fetch(r, init),
    upstreamTimeoutMs: num(env.ZENITH_UPSTREAM_TIMEOUT_MS, 30_000, "ZENITH_UPSTREAM_TIMEOUT_MS"),
    tokenCacheMs: num(env.ZENITH_TOKEN_CACHE_SECONDS, 30, "ZENITH_TOKEN_CACHE_SECONDS") * 1000,
    allowedOrigins: (env.ZENITH_ALLOWED_ORIGINS ?? "").split(",").map((s) => s.trim()).filter(Boolean),
    ceph: {
      url: env.ZENITH_CEPH_URL || undefined,
      username: env.ZENITH_CEPH_USER ?? "admin",
      password: env.ZENITH_CEPH_PASSWORD ?? "zenith-ceph",
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
