import type { Env } from "./cloud-config";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { dirname } from "node:path";

/**
 * The iron-session password. Production sets ZENITH_SESSION_SECRET (32+ characters). The demo
 * generates one once and keeps it under .data/, with a warning, so sessions survive a restart.
 */
export function loadSessionSecret(env: Env = process.env, file = ".data/session-secret"): string {
  const fromEnv = env.ZENITH_SESSION_SECRET;
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error("ZENITH_SESSION_SECRET must be at least 32 characters");
    return fromEnv;
  }
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const secret = randomBytes(32).toString("base64url");
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, secret, { mode: 0o600 });
  console.warn(`zenith: ZENITH_SESSION_SECRET is not set; generated a demo secret in ${file}. Set it in production.`);
  return secret;
}
