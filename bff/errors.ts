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
    field: z.string().optional().openapi({
      description:
        "The part of the request a rejection is about: `body.source.id`, `query.limit`, `param.id`, `header.origin`, `cookie.zenith_session`, `path`, `body`",
      example: "body.name",
    }),
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
    readonly extra: { service?: string; upstreamRequestId?: string; field?: string; details?: unknown } = {},
  ) {
    super(message);
  }
}

/** A 400 about one input: `field` is its place in the request (`body.planId`, `query.marker`), `reason` why. */
export const badRequest = (field: string, reason: string, details?: unknown) =>
  new ApiError(400, "bad_request", `${field.replace(/^(body|query|param)\./, "")}: ${reason}`, { field, details });
/** A 404; `field` names the request input that pointed at nothing (`body.networkIds`), when one did. */
export const notFound = (message: string, field?: string) => new ApiError(404, "not_found", message, field ? { field } : {});
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

/** Where a validator read its input, as the envelope's `field` prefix. */
const PLACE: Record<string, string> = { json: "body", form: "body", query: "query", param: "param", header: "header", cookie: "cookie" };

/**
 * The first validation issue as the envelope's `field` (`body.source.id`) and message ("source.id: reason"). For a
 * union (e.g. password or application-credential login) it reports the branch that came closest, so it names a real field.
 */
export function describeIssue(issue: Issue | undefined, prefix: PropertyKey[] = [], target = "json"): { field: string; message: string } {
  const place = PLACE[target] ?? target;
  if (!issue) return { field: place, message: `${place}: invalid` };
  const path = [...prefix, ...issue.path];
  if (issue.code === "invalid_union" && issue.errors?.length) {
    const closest = [...issue.errors].sort((a, b) => a.length - b.length)[0];
    if (closest.length) return describeIssue(closest[0], path, target);
  }
  const at = path.map(String).join(".");
  return { field: at ? `${place}.${at}` : place, message: `${at || place}: ${issue.message}` };
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
    const { field, message } = describeIssue(err.issues[0] as Issue);
    return c.json(errorBody(c, "bad_request", message, { field, details: err.issues }), 400);
  }
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    // Hono's own 400s are about the body it could not read (malformed JSON, a form it could not parse), its 415 about its type.
    if (status === 400) return c.json(errorBody(c, "bad_request", `body: ${err.message || "unreadable"}`, { field: "body" }), 400);
    if (status === 415)
      return c.json(
        errorBody(c, "unsupported_media_type", "content-type: the body must be application/json.", { field: "header.content-type" }),
        415,
      );
    return c.json(errorBody(c, "http_error", err.message || "Request failed"), status);
  }
  const logger = (c.get("services" as never) as { logger?: { error(o: object, m: string): void } } | undefined)?.logger;
  if (logger) logger.error({ requestId: requestIdOf(c), method: c.req.method, path: c.req.path, err }, "unhandled error");
  else console.error(`zenith-bff: unhandled error on ${c.req.method} ${c.req.path}`, err);
  return c.json(errorBody(c, "internal", "Zenith hit an unexpected error. The request id identifies it in the server log."), 500);
}
