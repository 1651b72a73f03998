import type { MiddlewareHandler } from "hono";
import { randomUUID } from "node:crypto";
import { requestId } from "./ids";

/**
 * How the real services treat a request body sent with `Transfer-Encoding: chunked` and no Content-Length.
 * Keystone, nova-api, neutron-server and cinder-api run under uwsgi on the real tier, which reads such a body as
 * empty; the Ceph Dashboard (CherryPy) refuses it with 411; glance-api (eventlet) reads it, so it gets no rule.
 * Measured through `next start` (whose patched fetch sent every `new Request(url, {body})` chunked) and by the
 * differential suite (tests/differential). Nova's, Cinder's and Neutron's rules run inside their API, after the
 * token check and the microversion negotiation, so their answers carry the same headers as the real ones.
 */
export type ChunkedService = "identity" | "compute" | "ceph" | "network" | "volume";

export const isChunked = (headers: Headers) =>
  (headers.get("transfer-encoding") ?? "").toLowerCase().includes("chunked") && !headers.has("content-length");

/** Neutron's resource name for a collection path: /v2.0/security-groups/x → security_group. */
const neutronResource = (path: string): string => {
  const parts = path.split("/").filter((p) => p && p !== "v2.0" && p !== "networking" && !/^[0-9a-f-]{32,36}$/.test(p));
  const collection = parts[parts.length - 1] ?? "resource";
  const singular = collection === "quotas" ? "quota" : collection === "policies" ? "policy" : collection.replace(/s$/, "");
  return singular.replace(/-/g, "_");
};

const jsonResponse = (body: unknown, status: number) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", "x-openstack-request-id": requestId() } });

/** Answers a chunked request as the named service does when it reads the body as empty. */
export function chunkedBodyAsUpstream(service: ChunkedService): MiddlewareHandler {
  return async (c, next) => {
    if (!isChunked(c.req.raw.headers) || c.req.method === "GET" || c.req.method === "HEAD") return next();
    switch (service) {
      case "ceph":
        // CherryPy's JSON error page (mgr/dashboard), as measured on Pacific 16.2.
        return new Response(
          JSON.stringify({ status: "411 Length Required", detail: "Client must specify Content-Length", request_id: randomUUID() }),
          { status: 411, headers: { "Content-Type": "application/json" } },
        );
      case "identity": {
        // keystone.server.flask: an empty body on POST /v3/auth/tokens fails the auth schema first.
        const what = c.req.path.endsWith("/auth/tokens") ? "auth" : "valid JSON";
        return jsonResponse({ error: { code: 400, title: "Bad Request", message: `Expecting to find ${what} in request body.` } }, 400);
      }
      case "compute":
        return jsonResponse({ badRequest: { code: 400, message: "Malformed request body" } }, 400);
      case "network":
        // The quotas controller reads body["quota"] from the empty body without a check: a 500.
        if (/\/quotas\/[^/]+$/.test(c.req.path))
          return jsonResponse(
            {
              NeutronError: {
                type: "HTTPInternalServerError",
                message: "Request Failed: internal server error while processing your request.",
                detail: "",
              },
            },
            500,
          );
        return jsonResponse(
          {
            NeutronError: {
              type: "HTTPBadRequest",
              message: `Unable to find '${neutronResource(c.req.path)}' in request body`,
              detail: "",
            },
          },
          400,
        );
      case "volume":
        // cinder's wsgi calls the controller without its body argument: an action finds no action name, any
        // other create or update fails with a TypeError, which cinder answers with a 500 fault.
        if (c.req.path.endsWith("/action"))
          return jsonResponse(
            {
              badRequest: {
                code: 400,
                message: "There is no such action: None. Verify the request body and Content-Type header and try again.",
              },
            },
            400,
          );
        return jsonResponse(
          { computeFault: { code: 500, message: "The server has either erred or is incapable of performing the requested operation." } },
          500,
        );
    }
  };
}
