import type { MiddlewareHandler } from "hono";
import { errorBody } from "../errors";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/** The app's own origin, as the browser sees it (honouring a TLS-terminating proxy's headers). */
function ownOrigin(url: URL, headers: Headers): string {
  const proto = headers.get("x-forwarded-proto") ?? url.protocol.replace(/:$/, "");
  const host = headers.get("x-forwarded-host") ?? headers.get("host") ?? url.host;
  return `${proto}://${host}`;
}

/**
 * Every state change must carry `X-Zenith-Request: 1` (custom headers need a CORS preflight we never grant)
 * and come from the app's own Origin, or carry no Origin at all (curl, server-to-server).
 */
export function csrfGuard(allowedOrigins: string[]): MiddlewareHandler {
  return async (c, next) => {
    if (SAFE.has(c.req.method)) return next();
    if (c.req.header("x-zenith-request") !== "1")
      return c.json(errorBody(c, "csrf", "State-changing requests must carry the header X-Zenith-Request: 1."), 403);
    const origin = c.req.header("origin");
    if (origin !== undefined) {
      const own = ownOrigin(new URL(c.req.url), c.req.raw.headers);
      if (origin !== own && !allowedOrigins.includes(origin))
        return c.json(errorBody(c, "csrf", `Origin ${origin} may not change state here.`), 403);
    }
    return next();
  };
}
