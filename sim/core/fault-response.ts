import { randomUUID } from "node:crypto";
import { requestId } from "./ids";

const REASON: Record<number, string> = { 500: "Internal Server Error", 503: "Service Unavailable" };

/**
 * A 500 or 503 as each real service answers it from inside its WSGI pipeline: its own error body, and the request
 * id its oslo request_id middleware sets on every answer (Nova and Cinder add x-compute-request-id). A 503 carries
 * Retry-After. The Ceph Dashboard puts its request id in the body only.
 */
export function faultResponse(service: string, status: 500 | 503, retryAfterS = 5): Response {
  const id = requestId();
  const reason = REASON[status];
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (status === 503) headers["Retry-After"] = String(retryAfterS);
  let body: string;
  switch (service) {
    case "identity":
      headers["x-openstack-request-id"] = id;
      body = JSON.stringify({
        error: {
          code: status,
          title: reason,
          message:
            status === 500
              ? "An unexpected error prevented the server from fulfilling your request."
              : "The service is temporarily unavailable.",
        },
      });
      break;
    case "compute":
    case "volume":
      headers["x-openstack-request-id"] = id;
      headers["x-compute-request-id"] = id;
      body = JSON.stringify(
        status === 500
          ? {
              computeFault: {
                code: 500,
                message: "Unexpected API Error. Please report this at http://bugs.launchpad.net/ and attach the API log if possible.",
              },
            }
          : { serviceUnavailable: { code: 503, message: "Service Unavailable" } },
      );
      break;
    case "networking":
      headers["X-Openstack-Request-Id"] = id;
      body = JSON.stringify({
        NeutronError: {
          type: status === 500 ? "HTTPInternalServerError" : "HTTPServiceUnavailable",
          message: status === 500 ? "Request Failed: internal server error while processing your request." : "Service Unavailable",
          detail: "",
        },
      });
      break;
    case "image":
      // Glance's errors are webob's HTML pages.
      headers["Content-Type"] = "text/html; charset=UTF-8";
      headers["x-openstack-request-id"] = id;
      body = `<html>\n <head>\n  <title>${status} ${reason}</title>\n </head>\n <body>\n  <h1>${status} ${reason}</h1>\n  The server has either erred or is incapable of performing the requested operation.<br /><br />\n\n\n\n </body>\n</html>`;
      break;
    default:
      body = JSON.stringify({
        status: `${status} ${reason}`,
        detail: "The server encountered an unexpected condition which prevented it from fulfilling the request.",
        request_id: randomUUID(),
      });
  }
  return new Response(body, { status, headers });
}
