import { ApiError } from "../errors";
import { currentRequest } from "../lib/request-context";
import { noteCall, noteWait } from "../lib/server-timing";
import { createBreakers, DEFAULT_BREAKER, type BreakerOptions } from "./breaker";
import { SERVICE_LABEL, type ServiceName } from "./services";

export interface UpstreamCall {
  service: ServiceName;
  method: string;
  url: string;
  status: number | "error";
  ms: number;
  /** The BFF route being served (its pattern, e.g. /api/instances/:id), or "none" outside a request. */
  route: string;
  /** The service's own id for the request (x-openstack-request-id / x-compute-request-id), when it answered one. */
  upstreamRequestId?: string;
}

export interface HttpOptions {
  fetch: typeof globalThis.fetch;
  /** Per-request timeout for a service without its own; upstream calls that exceed it answer 504. */
  timeoutMs: number;
  /** Per-service timeouts (ZENITH_UPSTREAM_TIMEOUT_MS_<SERVICE>). */
  timeouts?: Partial<Record<ServiceName, number>>;
  /** The circuit breaker per service and origin (DEFAULT_BREAKER when undefined). */
  breaker?: BreakerOptions;
  /** Observes every upstream call (benchmarks count calls per view; /api/metrics; the request log). */
  onCall?: (call: UpstreamCall) => void;
}

export interface UpstreamRequest {
  service: ServiceName;
  method?: string;
  url: string;
  token?: string;
  headers?: Record<string, string>;
  query?: Record<string, string | number | boolean | undefined>;
  json?: unknown;
  /** Bytes or text only, so every body carries a Content-Length: a stream would go out chunked. */
  body?: string | ArrayBuffer | Uint8Array<ArrayBuffer> | null;
  timeoutMs?: number;
  signal?: AbortSignal;
  /**
   * GET/HEAD are sent once more when the connection failed before any answer (refused, reset), unless this is
   * false (probes report the first answer). Nothing else is ever retried.
   */
  retry?: boolean;
  /** false: bypass the circuit breaker (readiness and service probes report what the service says now). */
  breaker?: boolean;
}

/** A request body streamed through as it arrives (never buffered); only for upstreams that accept chunked bodies. */
export interface StreamedUpload extends Omit<UpstreamRequest, "json" | "body" | "retry"> {
  stream: ReadableStream<Uint8Array>;
}

const IDEMPOTENT = new Set(["GET", "HEAD"]);
/**
 * Socket-level failures where the request never reached the service's application: a keep-alive connection the
 * server closed as it was reused, or a listener restarting behind a load balancer. One more GET is safe and cheap
 * there; a 5xx or a timeout is never retried (it multiplies load on a service that is already struggling).
 */
const RETRY_CAUSES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "UND_ERR_SOCKET", "UND_ERR_CLOSED"]);
const RETRY_DELAY_MS = 100;

/** The service's request id on an answer: x-openstack-request-id, or Nova's x-compute-request-id. */
export const upstreamRequestIdOf = (h: Headers): string | undefined =>
  h.get("x-openstack-request-id") ?? h.get("x-compute-request-id") ?? undefined;

/** Retry-After in seconds (delta-seconds or an HTTP date), or undefined. */
export function retryAfterSeconds(v: string | null, now = Date.now()): number | undefined {
  if (!v) return undefined;
  if (/^\d+$/.test(v.trim())) return Number(v.trim());
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

/** Pulls the human message out of any OpenStack error body shape. */
export function upstreamMessage(text: string): string {
  try {
    const body = JSON.parse(text);
    if (body && typeof body === "object") {
      if (typeof body.message === "string") return body.message;
      if (typeof body.detail === "string") return body.detail;
      for (const v of Object.values(body) as any[]) {
        if (v && typeof v === "object" && typeof v.message === "string") return v.message;
      }
    }
  } catch {
    /* not JSON */
  }
  const stripped = text
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return stripped.slice(0, 300) || "no body";
}

/**
 * Maps an upstream failure onto the BFF envelope, naming the service. 4xx keep their status; the service's own
 * 504 is a 504, every other 5xx a 502 (`details.status`, and `details.retryAfterS` when a 503 said when to come back).
 */
export function upstreamError(
  service: ServiceName,
  status: number,
  text: string,
  upstreamRequestId?: string,
  retryAfterS?: number,
): ApiError {
  const label = SERVICE_LABEL[service];
  const message = `${label} answered ${status}: ${upstreamMessage(text)}`;
  const extra = { service, upstreamRequestId };
  if (status === 401) return new ApiError(401, "session_expired", `${label} rejected the session token; sign in again.`, extra);
  if (status === 403) return new ApiError(403, "upstream_forbidden", message, extra);
  if (status === 404) return new ApiError(404, "upstream_not_found", message, extra);
  if (status === 409) return new ApiError(409, "upstream_conflict", message, extra);
  if (status === 413 || status === 429) return new ApiError(429, "upstream_over_limit", message, extra);
  if (status >= 400 && status < 500) return new ApiError(400, "upstream_bad_request", message, extra);
  const details = { status, ...(retryAfterS !== undefined ? { retryAfterS } : {}) };
  if (status === 504) return new ApiError(504, "upstream_timeout", message, { ...extra, details });
  return new ApiError(502, "upstream_error", message, { ...extra, details });
}

/**
 * A response body as text, its read counted as waiting on `service` (the request's Server-Timing): a large list
 * spends most of its upstream time streaming after the headers.
 */
export async function bodyText(service: ServiceName, res: Response): Promise<string> {
  const started = performance.now();
  try {
    return await res.text();
  } finally {
    noteWait(service, started, performance.now());
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * At most `max` bytes of a body as text, and whether there was more. The rest is not read: the reader is
 * cancelled without waiting (an awaited cancel can stall under Next's runtime, see `raw`).
 */
export async function readCapped(res: Response, max: number): Promise<{ text: string; truncated: boolean }> {
  if (!res.body) return { text: "", truncated: false };
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let truncated = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const room = max - size;
    if (value.length > room) {
      chunks.push(value.subarray(0, room));
      size = max;
      truncated = true;
      void reader.cancel().catch(() => undefined);
      break;
    }
    chunks.push(value);
    size += value.length;
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return { text: new TextDecoder().decode(bytes), truncated };
}

/** The socket-level reason a fetch failed ("ECONNREFUSED", "ECONNRESET", "UND_ERR_SOCKET", ...), or "unknown". */
export function networkCause(e: unknown): string {
  for (let x: unknown = e, i = 0; x && i < 4; x = (x as { cause?: unknown }).cause, i++) {
    const code = (x as { code?: unknown }).code;
    if (typeof code === "string") return code;
  }
  return "unknown";
}

export function createHttp(opts: HttpOptions) {
  const breakers = createBreakers(opts.breaker ?? DEFAULT_BREAKER);
  const timeoutOf = (req: { service: ServiceName; timeoutMs?: number }) => req.timeoutMs ?? opts.timeouts?.[req.service] ?? opts.timeoutMs;

  /** The URL, headers (token; the request id as OpenStack's global request id) and deadline of one call. */
  function prepare(req: Omit<UpstreamRequest, "json" | "body">, method: string) {
    const url = new URL(req.url);
    for (const [k, v] of Object.entries(req.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    const headers: Record<string, string> = { Accept: "application/json", ...req.headers };
    if (req.token) headers["X-Auth-Token"] = req.token;
    const ctx = currentRequest();
    // oslo.middleware takes a client's X-OpenStack-Request-ID of the form req-<uuid> as the global_request_id
    // it logs beside its own id; the Ceph Dashboard has no such notion.
    if (ctx && req.service !== "ceph") headers["X-OpenStack-Request-ID"] = ctx.requestId;
    const timeoutMs = timeoutOf(req);
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
    const key = `${req.service} ${url.origin}`;
    // Every upstream call, once: to the request's log line, the observer (metrics, call counts) and the request's
    // Server-Timing (count and wait; the body read is added by bodyText).
    const report = (status: number | "error", started: number, upstreamRequestId?: string) => {
      const now = performance.now();
      noteCall(req.service);
      noteWait(req.service, started, now);
      const call: UpstreamCall = {
        service: req.service,
        method,
        url: url.toString(),
        status,
        ms: now - started,
        route: ctx?.route ?? "none",
        upstreamRequestId,
      };
      ctx?.calls.push({ service: call.service, method, path: url.pathname, status, ms: Math.round(call.ms), upstreamRequestId });
      opts.onCall?.(call);
    };
    return { url, headers, timeoutMs, timeout, signal, key, report };
  }

  /** 503 at once while the service's breaker is open: the BFF does not call it until the cool-down is over. */
  function admit(req: { service: ServiceName; breaker?: boolean }, key: string, url: URL) {
    if (req.breaker === false) return;
    const refusal = breakers.admit(key);
    if (!refusal) return;
    const label = SERVICE_LABEL[req.service];
    throw new ApiError(
      503,
      "upstream_circuit_open",
      `${label} failed ${refusal.failures} times in a row (last: ${refusal.lastCause}); the BFF is not calling ${url.origin} again for ${refusal.retryAfterS} s.`,
      { service: req.service, details: { retryAfterS: refusal.retryAfterS, failures: refusal.failures, lastCause: refusal.lastCause } },
    );
  }

  /** The breaker's view of an answer: a 5xx is a failure, anything else proves the service is up. */
  function record(req: { breaker?: boolean }, key: string, outcome: number | string) {
    if (req.breaker === false) return;
    if (typeof outcome === "number" && outcome < 500) breakers.success(key);
    else breakers.failure(key, String(outcome));
  }

  /** A fetch that threw: the caller's abort as it is, a timeout as 504, anything else as 502 unreachable. */
  function failure(
    req: { service: ServiceName; signal?: AbortSignal },
    e: unknown,
    timeout: AbortSignal,
    timeoutMs: number,
    what: string,
    url: URL,
  ): unknown {
    if (req.signal?.aborted) return e;
    const label = SERVICE_LABEL[req.service];
    if (timeout.aborted)
      return new ApiError(504, "upstream_timeout", `${label} did not answer within ${timeoutMs} ms (${what}).`, {
        service: req.service,
        details: { timeoutMs },
      });
    const reason = e instanceof Error ? (e.cause instanceof Error ? e.cause.message : e.message) : String(e);
    return new ApiError(502, "upstream_unreachable", `${label} is unreachable at ${url.origin}: ${reason}`, {
      service: req.service,
      details: { cause: networkCause(e) },
    });
  }

  /**
   * One upstream request under the service's timeout and breaker. A GET/HEAD whose connection failed before any
   * answer is sent once more within the same deadline; nothing else is retried (a 5xx, a timeout, any POST).
   */
  async function raw(req: UpstreamRequest): Promise<Response> {
    const method = (req.method ?? "GET").toUpperCase();
    const { url, headers, timeoutMs, timeout, signal, key, report } = prepare(req, method);
    admit(req, key, url);
    let body = req.body ?? undefined;
    if (req.json !== undefined) {
      headers["Content-Type"] = "application/json";
      body = JSON.stringify(req.json);
    }
    const attempts = IDEMPOTENT.has(method) && req.retry !== false ? 2 : 1;
    for (let attempt = 0; ; attempt++) {
      const started = performance.now();
      try {
        // The URL and init go to fetch as they are, never wrapped in a Request: Next's patched fetch rebuilds a
        // Request from its body stream and sends it chunked, which uwsgi (Keystone, nova-api) reads as an empty
        // body and the Ceph Dashboard refuses with 411. A string or bytes body goes out with a Content-Length.
        // redirect "manual": a 3xx comes back as the answer; following it would send the token to wherever it points.
        const res = await opts.fetch(url.toString(), { method, headers, body, signal, redirect: "manual" });
        report(res.status, started, upstreamRequestIdOf(res.headers));
        record(req, key, res.status);
        return res;
      } catch (e) {
        report("error", started);
        const err = failure(req, e, timeout, timeoutMs, `${method} ${url.pathname}`, url);
        if (err === e) throw e;
        const cause = timeout.aborted ? "timeout" : networkCause(e);
        if (attempt + 1 < attempts && RETRY_CAUSES.has(cause)) {
          await sleep(RETRY_DELAY_MS);
          if (!signal.aborted) continue;
        }
        record(req, key, cause);
        throw err;
      }
    }
  }

  /**
   * A request whose body is streamed upstream as it arrives (`duplex: "half"`, chunked on the wire): the proxy's
   * Glance image upload, so an image is never held in memory. Separate from `raw` on purpose: everything else
   * keeps a string or bytes body with a Content-Length, which uwsgi-served APIs and the Ceph Dashboard need.
   * Never retried (a stream cannot be replayed); 3xx answers are returned, not followed.
   */
  async function upload(req: StreamedUpload): Promise<Response> {
    const method = (req.method ?? "PUT").toUpperCase();
    const { url, headers, timeoutMs, timeout, signal, key, report } = prepare(req, method);
    admit(req, key, url);
    const started = performance.now();
    const init = { method, headers, body: req.stream, signal, redirect: "manual", duplex: "half" } as RequestInit & { duplex: "half" };
    try {
      const res = await opts.fetch(url.toString(), init);
      report(res.status, started, upstreamRequestIdOf(res.headers));
      record(req, key, res.status);
      return res;
    } catch (e) {
      report("error", started);
      const err = failure(req, e, timeout, timeoutMs, `upload ${method} ${url.pathname}`, url);
      if (err !== e) record(req, key, timeout.aborted ? "timeout" : networkCause(e));
      throw err;
    }
  }

  /** A request whose non-2xx answers become ApiErrors. */
  async function checked(req: UpstreamRequest): Promise<Response> {
    const res = await raw(req);
    if (!res.ok)
      throw upstreamError(
        req.service,
        res.status,
        await res.text(),
        upstreamRequestIdOf(res.headers),
        retryAfterSeconds(res.headers.get("retry-after")),
      );
    return res;
  }

  /** A request that answers parsed JSON (or undefined for an empty body). */
  async function json<T>(req: UpstreamRequest): Promise<T> {
    const res = await checked(req);
    const text = await bodyText(req.service, res);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  return { raw, upload, checked, json, breakers };
}

export type Http = ReturnType<typeof createHttp>;
