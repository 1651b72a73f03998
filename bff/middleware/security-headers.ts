import type { MiddlewareHandler } from "hono";

/** Headers on every answer, pages (proxy.ts) and API alike. */
export const COMMON_SECURITY_HEADERS: Record<string, string> = {
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
};

/** API answers are never documents: nothing may load from or frame them. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/**
 * The request id, and the headers every API answer carries: no-store (an answer holds one session's data; the
 * SSE stream keeps its own no-cache, no-transform), the API's CSP, a referrer policy, nosniff and no framing.
 */
export function apiHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    c.header("Cache-Control", c.res.headers.get("Cache-Control")?.includes("no-") ? c.res.headers.get("Cache-Control")! : "no-store");
    c.header("Content-Security-Policy", API_CSP);
    for (const [k, v] of Object.entries(COMMON_SECURITY_HEADERS)) c.header(k, v);
  };
}
