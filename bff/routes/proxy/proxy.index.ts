import { createRouter } from "../../lib/create-router";
import { ApiError, errorBody } from "../../errors";
import { requireSession } from "../../middleware/session";
import { readCapped, upstreamMessage, upstreamRequestIdOf } from "../../openstack/http";
import { SERVICE_LABEL } from "../../openstack/services";
import { isImageUpload, parseProxyPath } from "./proxy-path";

const FORWARD_REQUEST = ["content-type", "accept", "openstack-api-version", "x-openstack-nova-api-version"];
const FORWARD_RESPONSE = [
  "content-type",
  "openstack-api-version",
  "x-openstack-nova-api-version",
  "x-openstack-request-id",
  "location",
  "x-total-count",
];
/** How much of an upstream error body is read and echoed back (the rest is dropped). */
export const ERROR_BODY_LIMIT = 16 * 1024;
/** An image upload runs as long as the bytes keep coming, up to this. */
const UPLOAD_TIMEOUT_MS = 60 * 60_000;

/**
 * /api/openstack/{service}/{path}: a passthrough to the service's endpoint in the session's region,
 * read from the token's catalog at runtime. The path is routed on its decoded segments (proxy-path.ts).
 * The token is added here and never follows a redirect. Bodies are buffered under the 1 MiB JSON limit,
 * except Glance's image data upload, which is streamed. Upstream errors come back with their status, the
 * service's name and at most ERROR_BODY_LIMIT bytes of the upstream body.
 */
export const proxyRouter = createRouter();
proxyRouter.use("/openstack/*", requireSession);
proxyRouter.all("/openstack/:service/*", async (c) => {
  const parsed = parseProxyPath(new URL(c.req.url).pathname);
  if (!parsed.ok) throw new ApiError(400, "bad_request", `${parsed.field}: ${parsed.reason}`, { field: parsed.field });
  const { service } = parsed;
  const session = c.get("session");
  const headers: Record<string, string> = {};
  for (const h of FORWARD_REQUEST) {
    const v = c.req.header(h);
    if (v) headers[h] = v;
  }
  const method = c.req.method;
  const url = `${session.url(service)}${parsed.path}${new URL(c.req.url).search}`;
  const http = c.get("services").http;
  const res =
    isImageUpload(method, parsed) && c.req.raw.body
      ? await http.upload({
          service,
          method,
          url,
          token: session.token,
          headers,
          stream: c.req.raw.body,
          timeoutMs: UPLOAD_TIMEOUT_MS,
          signal: c.req.raw.signal,
        })
      : await http.raw({
          service,
          method,
          url,
          token: session.token,
          headers,
          body: ["GET", "HEAD"].includes(method) ? undefined : await c.req.arrayBuffer(),
        });
  if (res.status >= 400) {
    const { text, truncated } = await readCapped(res, ERROR_BODY_LIMIT);
    let details: unknown = truncated ? { body: text, truncatedAtBytes: ERROR_BODY_LIMIT } : text;
    if (!truncated)
      try {
        details = JSON.parse(text);
      } catch {
        /* keep text */
      }
    const code = res.status === 401 ? "session_expired" : res.status === 504 ? "upstream_timeout" : "upstream_error";
    // A 4xx keeps its status; a service's 5xx is the gateway's 502 (504 for its own timeout), as on every route.
    const status = res.status < 500 ? res.status : res.status === 504 ? 504 : 502;
    const retryAfter = res.headers.get("retry-after");
    if (retryAfter) c.header("Retry-After", retryAfter);
    return c.json(
      errorBody(c, code, `${SERVICE_LABEL[service]} answered ${res.status}: ${upstreamMessage(text)}`, {
        service,
        upstreamRequestId: upstreamRequestIdOf(res.headers),
        details,
      }),
      status as 400,
    );
  }
  const out = new Headers();
  for (const h of FORWARD_RESPONSE) {
    const v = res.headers.get(h);
    if (v) out.set(h, v);
  }
  return new Response(res.body, { status: res.status, headers: out });
});
