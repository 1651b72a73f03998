import type { Context } from "hono";
import { requestId } from "../../core/ids";

const TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  409: "Conflict",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

/** Keystone's error body: {"error":{"code","title","message"}}, with WWW-Authenticate on 401. */
export function keystoneError(c: Context, status: number, message: string, authUri?: string): Response {
  const headers: Record<string, string> = {
    "Content-Type": "application/json",
    "x-openstack-request-id": requestId(),
  };
  if (status === 401) headers["WWW-Authenticate"] = `Keystone uri="${authUri ?? ""}"`;
  return new Response(JSON.stringify({ error: { code: status, title: TITLES[status] ?? "Error", message } }), { status, headers });
}

export const UNAUTHORIZED = "The request you have made requires authentication.";
