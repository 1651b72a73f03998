import { sealData, unsealData } from "iron-session";
import { getCookie, setCookie, deleteCookie } from "hono/cookie";
import type { Context } from "hono";

/** The cookie's name over http; over https it is `__Host-zenith_session` (Secure, Path=/, no Domain: not settable by a subdomain). */
export const SESSION_COOKIE = "zenith_session";

/** What the sealed cookie holds: the Keystone token and nothing the browser could use. */
export interface SealedSession {
  token: string;
  /** Token expiry, epoch ms. */
  expiresAt: number;
  method: "password" | "application_credential";
}

/** The secrets a cookie is sealed and opened with: the current one, and during a rotation the retiring one. */
export interface CookieSecrets {
  sessionSecret: string;
  sessionSecretPrevious?: string;
}

/** https when the request came over TLS, directly or through a proxy that says so. */
export function isHttps(c: Context): boolean {
  return new URL(c.req.url).protocol === "https:" || c.req.header("x-forwarded-proto") === "https";
}

/** The cookie name for this request's scheme. */
export const sessionCookieName = (c: Context) => (isHttps(c) ? `__Host-${SESSION_COOKIE}` : SESSION_COOKIE);

export async function writeSession(c: Context, secrets: CookieSecrets, s: SealedSession): Promise<void> {
  const ttl = Math.max(60, Math.ceil((s.expiresAt - Date.now()) / 1000));
  const sealed = await sealData(s, { password: secrets.sessionSecret, ttl });
  setCookie(c, sessionCookieName(c), sealed, {
    httpOnly: true,
    sameSite: "Strict",
    secure: isHttps(c),
    path: "/",
    maxAge: ttl,
  });
}

/** The sealed session, opened with the current secret or (during a rotation) the retiring one; null otherwise. */
export async function readSession(c: Context, secrets: CookieSecrets): Promise<SealedSession | null> {
  // Over https only the __Host- cookie counts (a plain one could have been planted by a sibling host). Over http
  // the __Host- one is read too: server components call the BFF back over loopback http with the browser's cookies.
  const raw = getCookie(c, `__Host-${SESSION_COOKIE}`) || (isHttps(c) ? undefined : getCookie(c, SESSION_COOKIE));
  if (!raw) return null;
  for (const password of [secrets.sessionSecret, secrets.sessionSecretPrevious]) {
    if (!password) continue;
    try {
      const s = await unsealData<SealedSession>(raw, { password, ttl: 0 });
      if (s && typeof s.token === "string") return s;
    } catch {
      /* not sealed with this secret */
    }
  }
  return null;
}

export function clearSession(c: Context): void {
  deleteCookie(c, sessionCookieName(c), { path: "/", httpOnly: true, sameSite: "Strict", secure: isHttps(c) });
}
