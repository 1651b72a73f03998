import type { MiddlewareHandler } from "hono";
import { errorBody } from "../errors";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * The app's own origin. With ZENITH_PUBLIC_ORIGIN (deps.publicOrigin) it is exactly that, and Host and
 * X-Forwarded-Host are not consulted (any client can send both). Without it, as the browser saw it through a
 * TLS-terminating proxy's headers: a cross-site page cannot set those, so that fallback still stops a CSRF post,
 * but production behind a proxy should set ZENITH_PUBLIC_ORIGIN.
 */
function ownOrigin(url: URL, headers: Headers, publicOrigin: string | undefined): string {
  if (publicOrigin) return publicOrigin;
  const proto = headers.get("x-forwarded-proto") ?? url.protocol.replace(/:$/, "");
  const host = headers.get("x-forwarded-host") ?? headers.get("host") ?? url.host;
  return `${proto}://${host}`;
}

/**
 * Every state change must carry `X-Zenith-Request: 1` (custom headers need a CORS preflight we never grant)
 * and come from the app's own Origin, or carry no Origin at all (curl, server-to-server).
 */
export function csrfGuard(allowedOrigins: string[], publicOrigin?: string): MiddlewareHandler {
  return async (c, next) => {
    if (SAFE.has(c.req.method)) return next();
    if (c.req.header("x-zenith-request") !== "1")
      return c.json(
        errorBody(c, "csrf", "State-changing requests must carry the header X-Zenith-Request: 1.", { field: "header.x-zenith-request" }),
        403,
      );
    const origin = c.req.header("origin");
    if (origin !== undefined) {
      const own = ownOrigin(new URL(c.req.url), c.req.raw.headers, publicOrigin);
      if (origin !== own && !allowedOrigins.includes(origin))
        return c.json(errorBody(c, "csrf", `Origin ${origin} may not change state here.`, { field: "header.origin" }), 403);
    }
    return next();
  };
}
