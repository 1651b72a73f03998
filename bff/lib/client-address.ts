import type { Context } from "hono";

/**
 * The caller's address for per-address limits: the socket's peer under @hono/node-server, else the entry the
 * nearest proxy appended to X-Forwarded-For (Next's server sets it from the socket), else "unknown".
 */
export function clientAddress(c: Context): string {
  const socket = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket;
  if (socket?.remoteAddress) return socket.remoteAddress;
  const forwarded = c.req
    .header("x-forwarded-for")
    ?.split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return forwarded?.at(-1) ?? "unknown";
}
