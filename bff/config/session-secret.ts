import type { Env } from "./cloud-config";
import { closeSync, mkdirSync, openSync, readFileSync, writeSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { join } from "node:path";

export const MIN_SECRET_LENGTH = 32;
const BUILD_PHASE = "phase-production-build";

function checked(value: string, name: string): string {
  if (value.length < MIN_SECRET_LENGTH) throw new Error(`${name} must be at least ${MIN_SECRET_LENGTH} characters (got ${value.length})`);
  return value;
}

/** The demo secret under ZENITH_DATA_DIR: created once with O_EXCL (a racing second start reads the first's), length-checked on read. */
function demoSecret(env: Env): string {
  const dir = env.ZENITH_DATA_DIR || ".data";
  const file = join(dir, "session-secret");
  if (env.NEXT_PHASE === BUILD_PHASE)
    throw new Error("zenith: the session secret is never generated during `next build`; the BFF is built lazily on the first request");
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const secret = randomBytes(32).toString("base64url");
  let fd: number;
  try {
    fd = openSync(file, "wx", 0o600);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    return checked(readFileSync(file, "utf8").trim(), file);
  }
  try {
    writeSync(fd, secret);
  } finally {
    closeSync(fd);
  }
  console.warn(`zenith: ZENITH_SESSION_SECRET is not set; generated a demo secret in ${file}. Set it in production.`);
  return secret;
}

/**
 * The iron-session password. Production sets ZENITH_SESSION_SECRET (32+ characters). Without it, the demo
 * keeps a generated secret in ZENITH_DATA_DIR (default .data).
 */
export function loadSessionSecret(env: Env = process.env): string {
  const current = env.ZENITH_SESSION_SECRET;
  if (!current) {
    if (env.ZENITH_SESSION_SECRET_PREVIOUS) throw new Error("ZENITH_SESSION_SECRET_PREVIOUS is set without ZENITH_SESSION_SECRET");
    return demoSecret(env);
  }
  return checked(current, "ZENITH_SESSION_SECRET");
}

/**
 * During a rotation, the secret being retired (ZENITH_SESSION_SECRET_PREVIOUS): cookies sealed with it still
 * open, and are sealed again with the new one when next written. Each is tried on its own (not as an
 * iron-session id map, whose ids would have to stay stable across rotations), so every stage of a rotation
 * (old only → both → new only) keeps the cookies the previous stage wrote.
 */
export function loadPreviousSessionSecret(env: Env = process.env): string | undefined {
  const previous = env.ZENITH_SESSION_SECRET_PREVIOUS;
  return previous ? checked(previous, "ZENITH_SESSION_SECRET_PREVIOUS") : undefined;
}
