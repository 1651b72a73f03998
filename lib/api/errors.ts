import type { ErrorEnvelope } from "./types";

/** A failed BFF call: HTTP status plus the error envelope. Thrown by every queryFn and mutationFn. */
export class ApiError extends Error implements ErrorEnvelope {
  readonly status: number;
  readonly code: string;
  readonly requestId: string;
  readonly service?: string;
  readonly upstreamRequestId?: string;
  readonly details?: unknown;

  constructor(status: number, body: Partial<ErrorEnvelope> | undefined) {
    super(body?.message || `Request failed with status ${status}`);
    this.name = "ApiError";
    this.status = status;
    this.code = body?.code ?? (status === 0 ? "network" : "unknown");
    this.requestId = body?.requestId ?? "";
    this.service = body?.service;
    this.upstreamRequestId = body?.upstreamRequestId;
    this.details = body?.details;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/** Codes the BFF uses when the session is gone; the client then sends the user to /login. */
export const SESSION_GONE_CODES = new Set(["session_expired", "unauthenticated"]);

/**
 * Turn an openapi-fetch result into data or a thrown ApiError.
 * `unwrap(await api.GET("/api/catalog", { signal }))`.
 */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || !result.response.ok) {
    throw new ApiError(result.response.status, result.error as Partial<ErrorEnvelope> | undefined);
  }
  return result.data as T;
}

/** A network failure (fetch rejected) as an ApiError with status 0, unless the request was aborted. */
export function toApiError(e: unknown): unknown {
  if (e instanceof ApiError) return e;
  if (e instanceof DOMException && e.name === "AbortError") return e;
  return new ApiError(0, { code: "network", message: e instanceof Error ? e.message : String(e) });
}

/** Await an openapi-fetch call and return its data, throwing ApiError on a non-2xx or a network failure. */
export async function request<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: Awaited<typeof call>;
  try {
    result = await call;
  } catch (e) {
    throw toApiError(e);
  }
  return unwrap(result);
}
