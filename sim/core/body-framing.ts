import type { MiddlewareHandler } from "hono";

/**
 * How the real services treat a request body sent with `Transfer-Encoding: chunked` and no Content-Length.
 * Keystone and nova-api under uwsgi read such a body as empty; the Ceph Dashboard (CherryPy) refuses it with 411.
 * Glance, Cinder and Neutron (eventlet wsgi) read chunked bodies, so they get no rule here.
 * Measured through `next start`, whose patched fetch sent every `new Request(url, {body})` chunked.
 */
const isChunked = (headers: Headers) => (headers.get("transfer-encoding") ?? "").toLowerCase().includes("chunked") && !headers.has("content-length");

/** Answers a chunked request as the named service does, before any handler reads its body. */
export function chunkedBodyAsUpstream(service: "identity" | "compute" | "ceph"): MiddlewareHandler {
  return async (c, next) => {
    if (!isChunked(c.req.raw.headers)) return next();
    if (service === "ceph")
      return c.html("<h2>411 Length Required</h2><p>A request body must carry a Content-Length.</p>", 411);
    if (service === "identity") {
      // keystone.server.flask: an empty body on POST /v3/auth/tokens fails the auth schema first.
      const what = c.req.path.endsWith("/auth/tokens") ? "auth" : "valid JSON";
      return c.json({ error: { code: 400, title: "Bad Request", message: `Expecting to find ${what} in request body.` } }, 400);
    }
    return c.json({ badRequest: { code: 400, message: "Malformed request body" } }, 400);
  };
}
