import type { Page } from "@playwright/test";

/** Cookies the UI itself sets; their values are short enums, never secrets. */
export const KNOWN_CLIENT_KEYS = new Set(["zenith-locale", "zenith-theme"]);

/** Looks like a Keystone token: the Fernet prefix, or any long hex/base64 run. */
export function looksLikeToken(value: string): boolean {
  return /gAAAAA/.test(value) || /[A-Fa-f0-9]{32,}/.test(value) || /[A-Za-z0-9+/_-]{32,}={0,2}/.test(value);
}

export interface BrowserStorage {
  cookie: string;
  local: Record<string, string>;
  session: Record<string, string>;
}

/** Everything page script can read: document.cookie and both Web Storage areas. */
export function readBrowserStorage(page: Page): Promise<BrowserStorage> {
  return page.evaluate(() => {
    const dump = (s: Storage) =>
      Object.fromEntries(Array.from({ length: s.length }, (_, i) => s.key(i)!).map((k) => [k, s.getItem(k) ?? ""]));
    return { cookie: document.cookie, local: dump(localStorage), session: dump(sessionStorage) };
  });
}

/** Entries a script could read that look like a token (known UI keys excluded). */
export function suspiciousEntries(storage: BrowserStorage): string[] {
  const cookies = storage.cookie
    .split(";")
    .map((c) => c.trim())
    .filter(Boolean)
    .map((c) => [c.slice(0, c.indexOf("=")), c.slice(c.indexOf("=") + 1)] as const);
  const all: (readonly [string, string, string])[] = [
    ...cookies.map(([k, v]) => ["cookie", k, v] as const),
    ...Object.entries(storage.local).map(([k, v]) => ["localStorage", k, v] as const),
    ...Object.entries(storage.session).map(([k, v]) => ["sessionStorage", k, v] as const),
  ];
  return all
    .filter(([, k, v]) => looksLikeToken(decodeURIComponent(v)) || (!KNOWN_CLIENT_KEYS.has(k) && looksLikeToken(k)))
    .map(([where, k]) => `${where}:${k}`);
}
