/**
 * The `next` parameter of /login, reduced to a same-origin path. Anything
 * else (absolute URLs, `//host`, backslashes, the login page itself) falls back
 * to the dashboard, so the login form cannot be turned into an open redirect.
 */
export function safeNextPath(next: string | string[] | null | undefined, fallback = "/project"): string {
  const value = Array.isArray(next) ? next[0] : next;
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return fallback;
  if (value === "/login" || value.startsWith("/login?") || value.startsWith("/login/")) return fallback;
  return value;
}
