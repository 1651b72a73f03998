import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ZodError } from "zod";
import { currentRequest } from "./lib/request-context";

/** The one error envelope every BFF route answers with. */
export const ErrorSchema = z
  .object({
    code: z.string().openapi({ example: "upstream_error" }),
    message: z.string().openapi({ example: "Nova (compute) answered 503: Service Unavailable" }),
    requestId: z.string(),
    service: z.string().optional().openapi({ description: "The upstream service that failed, when one did" }),
    upstreamRequestId: z.string().optional(),
    details: z.unknown().optional(),
  })
  .openapi("Error");
export type ErrorBody = z.infer<typeof ErrorSchema>;

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly extra: { service?: string; upstreamRequestId?: string; details?: unknown } = {},
  ) {
    super(message);
  }
}

export const badRequest = (message: string, details?: unknown) => new ApiError(400, "bad_request", message, { details });
export const notFound = (message: string) => new ApiError(404, "not_found", message);
export const conflict = (code: string, message: string) => new ApiError(409, code, message);

const json = (description: string) => ({ content: { "application/json": { schema: ErrorSchema } }, description });
/** Spread into every route's `responses`. */
export const errorResponses = {
  400: json("Invalid input: the field and the reason"),
  401: json("No session, or the Keystone token expired or was revoked"),
  403: json("CSRF check failed, or the role is missing"),
  413: json("The request body is over the route's limit (16 KiB for /auth, 1 MiB otherwise); `details.limitBytes` names it"),
  429: json("Too many attempts or open streams; Retry-After says when to try again where it applies"),
  502: json("An upstream service failed; `service` names it"),
  504: json("An upstream service timed out; `service` names it"),
} as const;

export function requestIdOf(c: Context): string {
  return (c.get("requestId" as never) as string | undefined) ?? "unknown";
}

export function errorBody(c: Context, code: string, message: string, extra: object = {}): ErrorBody {
  return { code, message, requestId: requestIdOf(c), ...extra };
}

type Issue = { path: PropertyKey[]; message: string; code?: string; errors?: Issue[][] };

/**
 * "field: reason" for the first validation issue. For a union (e.g. password or application-credential
 * login) it reports the branch that came closest, so the message names a real field.
 */
export function describeIssue(issue: Issue | undefined, prefix: PropertyKey[] = [], fallback = "body"): string {
  if (!issue) return `${fallback}: invalid`;
  const path = [...prefix, ...issue.path];
  if (issue.code === "invalid_union" && issue.errors?.length) {
    const closest = [...issue.errors].sort((a, b) => a.length - b.length)[0];
    if (closest.length) return describeIssue(closest[0], path, fallback);
  }
  return `${path.map(String).join(".") || fallback}: ${issue.message}`;
}

/** Maps anything thrown in a route onto the envelope. */
export function handleError(err: Error, c: Context): Response {
  if (err instanceof ApiError) {
    const ctx = currentRequest();
    if (ctx) ctx.error = { code: err.code, service: err.extra.service };
    // An open breaker, a paused Ceph Dashboard, or a service's own 503 say when to come back.
    const retryAfterS = (err.extra.details as { retryAfterS?: unknown } | undefined)?.retryAfterS;
    if (typeof retryAfterS === "number") c.header("Retry-After", String(retryAfterS));
    return c.json(errorBody(c, err.code, err.message, err.extra), err.status);
  }
  if (err instanceof ZodError) {
    return c.json(errorBody(c, "bad_request", describeIssue(err.issues[0] as Issue), { details: err.issues }), 400);
  }
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    return c.json(errorBody(c, status === 400 ? "bad_request" : "http_error", err.message || "Request failed"), status);
  }
  const logger = (c.get("services" as never) as { logger?: { error(o: object, m: string): void } } | undefined)?.logger;
  if (logger) logger.error({ requestId: requestIdOf(c), method: c.req.method, path: c.req.path, err }, "unhandled error");
  else console.error(`zenith-bff: unhandled error on ${c.req.method} ${c.req.path}`, err);
  return c.json(errorBody(c, "internal", "Zenith hit an unexpected error. The request id identifies it in the server log."), 500);
}
