import { createRouter } from "../../lib/create-router";
import { ApiError, errorBody } from "../../errors";
import { requireSession } from "../../middleware/session";
import { upstreamMessage } from "../../openstack/http";
import { SERVICE_LABEL, type ServiceName } from "../../openstack/services";

const PROXIED: ServiceName[] = ["compute", "image", "volume", "network", "identity"];
const FORWARD_REQUEST = ["content-type", "accept", "openstack-api-version", "x-openstack-nova-api-version"];
const FORWARD_RESPONSE = ["content-type", "openstack-api-version", "x-openstack-nova-api-version", "x-openstack-request-id", "location", "x-total-count"];

/**
 * /api/openstack/{service}/{path}: a passthrough to the service's endpoint in the session's region,
 * read from the token's catalog at runtime. The token is added here; upstream errors come back with
 * their status and the service's name.
 */
export const proxyRouter = createRouter();
proxyRouter.use("/openstack/*", requireSession);
proxyRouter.all("/openstack/:service/*", async (c) => {
  const service = c.req.param("service") as ServiceName;
  if (!PROXIED.includes(service))
    throw new ApiError(400, "bad_request", `service: must be one of ${PROXIED.join(", ")}`);
  const session = c.get("session");
  const prefix = `/openstack/${service}`;
  const incoming = new URL(c.req.url);
  const rest = incoming.pathname.slice(incoming.pathname.indexOf(prefix) + prefix.length);
  if (rest.split("/").some((seg) => seg === ".." || seg === ".") || /%2e%2e/i.test(rest))
    throw new ApiError(400, "bad_request", "path: may not contain '.' or '..' segments");
  const headers: Record<string, string> = {};
  for (const h of FORWARD_REQUEST) { const v = c.req.header(h); if (v) headers[h] = v; }
  const method = c.req.method;
  const hasBody = !["GET", "HEAD"].includes(method);
  const res = await c.get("services").http.raw({
    service, method, url: `${session.url(service)}${rest}${incoming.search}`, token: session.token, headers,
    body: hasBody ? await c.req.arrayBuffer() : undefined,
  });
  if (!res.ok) {
    const text = await res.text();
    let details: unknown = text;
    try { details = JSON.parse(text); } catch { /* keep text */ }
    const code = res.status === 401 ? "session_expired" : "upstream_error";
    return c.json(errorBody(c, code, `${SERVICE_LABEL[service]} answered ${res.status}: ${upstreamMessage(text)}`, {
      service, upstreamRequestId: res.headers.get("x-openstack-request-id") ?? undefined, details,
    }), res.status as 400);
  }
  const out = new Headers();
  for (const h of FORWARD_RESPONSE) { const v = res.headers.get(h); if (v) out.set(h, v); }
  return new Response(res.body, { status: res.status, headers: out });
});
