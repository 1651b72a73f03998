const BASE = "http://zenith.invalid";

/**
 * The `next` parameter of /login, reduced to a same-origin path. The decision is made on the URL as the
 * browser will parse it (which strips tabs and newlines and treats `\` as `/`), never on the raw string:
 * only a path that resolves to our own origin, whose path does not itself start with `//`, and that is not
 * the login page is kept; anything else falls back to the dashboard, so /login cannot be an open redirect.
 */
export function safeNextPath(next: string | string[] | null | undefined, fallback = "/project"): string {
  const value = Array.isArray(next) ? next[0] : next;
  if (!value || !value.startsWith("/")) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE || url.username || url.password) return fallback;
  if (url.pathname.startsWith("//") || url.pathname.includes("\\")) return fallback;
  if (url.pathname === "/login" || url.pathname.startsWith("/login/")) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
