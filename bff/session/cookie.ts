import { sealData, unsealData } from "iron-session";
import { getCookie, setCookie, deleteCookie } from "hono/cookie";
import type { Context } from "hono";

export const SESSION_COOKIE = "zenith_session";

/** What the sealed cookie holds: the Keystone token and nothing the browser could use. */
export interface SealedSession {
  token: string;
  /** Token expiry, epoch ms. */
  expiresAt: number;
  method: "password" | "application_credential";
}

/** https when the request came over TLS, directly or through a proxy that says so. */
export function isHttps(c: Context): boolean {
  return new URL(c.req.url).protocol === "https:" || c.req.header("x-forwarded-proto") === "https";
}

export async function writeSession(c: Context, secret: string, s: SealedSession): Promise<void> {
  const ttl = Math.max(60, Math.ceil((s.expiresAt - Date.now()) / 1000));
  const sealed = await sealData(s, { password: secret, ttl });
  setCookie(c, SESSION_COOKIE, sealed, {
    httpOnly: true, sameSite: "Strict", secure: isHttps(c), path: "/", maxAge: ttl,
  });
}

export async function readSession(c: Context, secret: string): Promise<SealedSession | null> {
  const raw = getCookie(c, SESSION_COOKIE);
  if (!raw) return null;
  try {
    const s = await unsealData<SealedSession>(raw, { password: secret, ttl: 0 });
    return s && typeof s.token === "string" ? s : null;
  } catch {
    return null;
  }
}

export function clearSession(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: "/", httpOnly: true, sameSite: "Strict", secure: isHttps(c) });
}
