import type { Context } from "hono";
import { randomUUID } from "node:crypto";

/**
 * How mgr/dashboard (CherryPy, Pacific 16.2) answers before or around a controller: its JSON error page
 * `{"status": "<code> <reason>", "detail": ..., "request_id": ...}` as application/json. Measured on the real tier
 * by the differential suite (tests/differential/catalogue/ceph.ts).
 */
const REASONS: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  404: "Not Found",
  411: "Length Required",
  415: "Unsupported Media Type",
  500: "Internal Server Error",
};
export const cherryError = (status: number, detail: string): Response =>
  new Response(JSON.stringify({ status: `${status} ${REASONS[status] ?? ""}`.trim(), detail, request_id: randomUUID() }), {
    status,
    headers: { "Content-Type": "application/json" },
  });

/** An exception in the controller (a TypeError from unexpected or missing arguments, an assert). */
export const internalError = () =>
  cherryError(500, "The server encountered an unexpected condition which prevented it from fulfilling the request.");

/**
 * The request body as the controller's keyword arguments. Not JSON: 400 "Invalid JSON document". The controller
 * method is called with the body's keys as arguments, so a missing required one or one it does not take is a
 * TypeError, a 500 (`accepts` undefined: any extra key is taken).
 */
export async function kwargs(
  c: Context,
  required: string[],
  accepts?: string[],
  // biome-ignore lint/suspicious/noExplicitAny: a JSON body as the controller receives it, read key by key
): Promise<{ body: Record<string, any>; refused?: undefined } | { body?: undefined; refused: Response }> {
  const text = await c.req.text();
  let body: unknown = {};
  if (text.trim()) {
    try {
      body = JSON.parse(text);
    } catch {
      return { refused: cherryError(400, "Invalid JSON document") };
    }
  }
  if (body === null || typeof body !== "object" || Array.isArray(body)) return { refused: internalError() };
  const keys = Object.keys(body);
  if (required.some((k) => !keys.includes(k))) return { refused: internalError() };
  if (accepts && keys.some((k) => !required.includes(k) && !accepts.includes(k))) return { refused: internalError() };
  return { body: body as Record<string, never> };
}

/** Python's int(x) as the dashboard's controllers apply it to a size: a number or a decimal string, else ValueError's text. */
export function pyInt(v: unknown): number | { error: string } {
  if (typeof v === "number" && Number.isFinite(v)) return Math.trunc(v);
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "string" && /^\s*[-+]?\d+\s*$/.test(v)) return Number(v);
  if (typeof v === "string") return { error: `invalid literal for int() with base 10: '${v}'` };
  const type = v === null || v === undefined ? "NoneType" : Array.isArray(v) ? "list" : "dict";
  return { error: `int() argument must be a string, a bytes-like object or a number, not '${type}'` };
}
