import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { errorBody } from "../errors";
import { isImageUpload, parseProxyPath } from "../routes/proxy/proxy-path";

/** Sign-in and session bodies: a few credentials, read before there is any session. */
export const AUTH_BODY_LIMIT = 16 * 1024;
/** Every other JSON body, including the proxy's non-upload requests. */
export const JSON_BODY_LIMIT = 1024 * 1024;

const describe = (bytes: number) => (bytes % 1048576 === 0 ? `${bytes / 1048576} MiB` : `${bytes / 1024} KiB`);

function limited(maxSize: number): MiddlewareHandler {
  return bodyLimit({
    maxSize,
    onError: (c: Context) =>
      c.json(
        errorBody(c, "payload_too_large", `The request body is over this route's limit of ${describe(maxSize)} (${maxSize} bytes).`, {
          field: "body",
          details: { limitBytes: maxSize },
        }),
        413,
      ),
  });
}

/**
 * Body limits by route: 16 KiB under /auth, 1 MiB elsewhere, none for Glance image uploads through the
 * proxy, which are streamed upstream as they arrive (never held here). Over a limit: 413 naming it. A
 * declared Content-Length over the limit is refused before any byte is read; a chunked body is counted.
 */
export function bodyLimits(): MiddlewareHandler {
  const auth = limited(AUTH_BODY_LIMIT);
  const json = limited(JSON_BODY_LIMIT);
  return async (c, next) => {
    // c.req.path is decoded as the router matched it (`/api/%61uth/login` is the login route).
    if (/^\/api\/auth(\/|$)/.test(c.req.path)) return auth(c, next);
    if (isImageUpload(c.req.method, parseProxyPath(new URL(c.req.url).pathname))) return next();
    return json(c, next);
  };
}
