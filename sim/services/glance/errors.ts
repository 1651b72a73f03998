import type { Context } from "hono";
import { requestId } from "../../core/ids";

const TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  409: "Conflict",
  413: "Request Entity Too Large",
  415: "Unsupported Media Type",
  500: "Internal Server Error",
  501: "Not Implemented",
};

/**
 * Glance answers errors with webob's default bodies, negotiated on Accept:
 * application/json → {"message": "<explanation><br /><br />\n\n\n", "code": "409 Conflict", "title": "Conflict"}
 * (code is a string), text/html or *\/* → an HTML page, no Accept → text/plain "409 Conflict\n\n<explanation>\n\n   ".
 */
export function glanceError(c: Context, status: number, explanation: string): Response {
  const title = TITLES[status] ?? "Error";
  const code = `${status} ${title}`;
  const accept = c.req.header("Accept") ?? "";
  const headers: Record<string, string> = { "x-openstack-request-id": requestId() };
  if (accept.includes("application/json")) {
    return new Response(JSON.stringify({ message: `${explanation}<br /><br />\n\n\n`, code, title }), {
      status,
      headers: { ...headers, "Content-Type": "application/json" },
    });
  }
  if (accept.includes("text/html") || accept.includes("*/*")) {
    // webob escapes the explanation's quotes in its HTML page (not in the JSON one).
    const text = explanation.replace(/'/g, "&#x27;").replace(/"/g, "&quot;");
    const html = `<html>\n <head>\n  <title>${code}</title>\n </head>\n <body>\n  <h1>${code}</h1>\n  ${text}<br /><br />\n\n\n\n </body>\n</html>`;
    return new Response(html, { status, headers: { ...headers, "Content-Type": "text/html; charset=UTF-8" } });
  }
  return new Response(`${code}\n\n${explanation}\n\n   `, { status, headers: { ...headers, "Content-Type": "text/plain; charset=UTF-8" } });
}

export const notFound = (id: string) => `No image found with ID ${id}`;

/** webob's HTTPUnauthorized explanation, which glance-api sends for a missing or invalid token. */
export const UNAUTHORIZED =
  "This server could not verify that you are authorized to access the document you requested. Either you supplied the wrong credentials (e.g., bad password), or your browser does not understand how to supply the credentials required.";
