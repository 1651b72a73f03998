import { ApiError } from "../errors";
import { noteCall, noteWait } from "../lib/server-timing";
import { SERVICE_LABEL, type ServiceName } from "./services";

export interface UpstreamCall {
  service: ServiceName;
  method: string;
  url: string;
  status: number | "error";
  ms: number;
}

export interface HttpOptions {
  fetch: typeof globalThis.fetch;
  /** Per-request timeout; upstream calls that exceed it answer 504. */
  timeoutMs: number;
  /** Observes every upstream call (benchmarks count calls per view). */
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
  /** GET/HEAD are retried on network errors and 502/503/504 unless this is false (probes report the first answer). */
  retry?: boolean;
}

/** A request body streamed through as it arrives (never buffered); only for upstreams that accept chunked bodies. */
export interface StreamedUpload extends Omit<UpstreamRequest, "json" | "body" | "retry"> {
  stream: ReadableStream<Uint8Array>;
}

const IDEMPOTENT = new Set(["GET", "HEAD"]);
const RETRYABLE_STATUS = new Set([502, 503, 504]);
const BACKOFF_MS = [150, 400];

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
  const stripped = text.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim();
  return stripped.slice(0, 300) || "no body";
}

/** Maps an upstream failure onto the BFF envelope, naming the service. 4xx keep their status. */
export function upstreamError(service: ServiceName, status: number, text: string, upstreamRequestId?: string): ApiError {
  const label = SERVICE_LABEL[service];
  const message = `${label} answered ${status}: ${upstreamMessage(text)}`;
  const extra = { service, upstreamRequestId };
  if (status === 401) return new ApiError(401, "session_expired", `${label} rejected the session token; sign in again.`, extra);
  if (status === 403) return new ApiError(403, "upstream_forbidden", message, extra);
  if (status === 404) return new ApiError(404, "upstream_not_found", message, extra);
  if (status === 409) return new ApiError(409, "upstream_conflict", message, extra);
  if (status === 413 || status === 429) return new ApiError(429, "upstream_over_limit", message, extra);
  if (status >= 400 && status < 500) return new ApiError(400, "upstream_bad_request", message, extra);
  return new ApiError(502, "upstream_error", message, extra);
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
  for (const c of chunks) { bytes.set(c, at); at += c.length; }
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
  /** Every upstream call, once: to the observer (call counts) and to the request's Server-Timing (count and wait). */
  const observe = (service: ServiceName, method: string, url: string, status: number | "error", started: number) => {
    const now = performance.now();
    noteCall(service);
    noteWait(service, started, now);
    opts.onCall?.({ service, method, url, status, ms: now - started });
  };

  /** One upstream request. GET/HEAD retry twice on network errors and 502/503/504; nothing else is retried. */
  async function raw(req: UpstreamRequest): Promise<Response> {
    const method = (req.method ?? "GET").toUpperCase();
    const url = new URL(req.url);
    for (const [k, v] of Object.entries(req.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    const headers: Record<string, string> = { Accept: "application/json", ...req.headers };
    if (req.token) headers["X-Auth-Token"] = req.token;
    let body = req.body ?? undefined;
    if (req.json !== undefined) {
      headers["Content-Type"] = "application/json";
      body = JSON.stringify(req.json);
    }
    const attempts = IDEMPOTENT.has(method) && req.retry !== false ? BACKOFF_MS.length + 1 : 1;
    let lastError: unknown;
    for (let attempt = 0; attempt < attempts; attempt++) {
      if (attempt > 0) await sleep(BACKOFF_MS[attempt - 1]);
      const started = performance.now();
      const timeout = AbortSignal.timeout(req.timeoutMs ?? opts.timeoutMs);
      const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
      try {
        // The URL and init go to fetch as they are, never wrapped in a Request: Next's patched fetch rebuilds a
        // Request from its body stream and sends it chunked, which uwsgi (Keystone, nova-api) reads as an empty
        // body and the Ceph Dashboard refuses with 411. A string or bytes body goes out with a Content-Length.
        // redirect "manual": a 3xx comes back as the answer; following it would send the token to wherever it points.
        const res = await opts.fetch(url.toString(), { method, headers, body, signal, redirect: "manual" });
        observe(req.service, method, url.toString(), res.status, started);
        if (RETRYABLE_STATUS.has(res.status) && attempt < attempts - 1) {
          // Drain rather than cancel: under Next's server runtime an awaited cancel() of an upstream body
          // can hang until the request timeout, which turned every retried 503 into a 30 s stall.
          await res.text().catch(() => "");
          continue;
        }
        return res;
      } catch (e) {
        observe(req.service, method, url.toString(), "error", started);
        lastError = e;
        if (req.signal?.aborted) throw e;
        if (timeout.aborted) {
          throw new ApiError(504, "upstream_timeout", `${SERVICE_LABEL[req.service]} did not answer within ${req.timeoutMs ?? opts.timeoutMs} ms (${method} ${url.pathname}).`, { service: req.service });
        }
      }
    }
    const reason = lastError instanceof Error ? (lastError.cause instanceof Error ? lastError.cause.message : lastError.message) : String(lastError);
    throw new ApiError(502, "upstream_unreachable", `${SERVICE_LABEL[req.service]} is unreachable at ${url.origin}: ${reason}`,
      { service: req.service, details: { cause: networkCause(lastError) } });
  }

  /**
   * A request whose body is streamed upstream as it arrives (`duplex: "half"`, chunked on the wire): the proxy's
   * Glance image upload, so an image is never held in memory. Separate from `raw` on purpose: everything else
   * keeps a string or bytes body with a Content-Length, which uwsgi-served APIs and the Ceph Dashboard need.
   * Never retried (a stream cannot be replayed); 3xx answers are returned, not followed.
   */
  async function upload(req: StreamedUpload): Promise<Response> {
    const method = (req.method ?? "PUT").toUpperCase();
    const url = new URL(req.url);
    const headers: Record<string, string> = { Accept: "application/json", ...req.headers };
    if (req.token) headers["X-Auth-Token"] = req.token;
    const timeoutMs = req.timeoutMs ?? opts.timeoutMs;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
    const started = performance.now();
    const init = { method, headers, body: req.stream, signal, redirect: "manual", duplex: "half" } as RequestInit & { duplex: "half" };
    try {
      const res = await opts.fetch(url.toString(), init);
      observe(req.service, method, url.toString(), res.status, started);
      return res;
    } catch (e) {
      observe(req.service, method, url.toString(), "error", started);
      if (req.signal?.aborted) throw e;
      if (timeout.aborted)
        throw new ApiError(504, "upstream_timeout", `${SERVICE_LABEL[req.service]} did not take the upload within ${timeoutMs} ms (${method} ${url.pathname}).`, { service: req.service });
      const reason = e instanceof Error ? (e.cause instanceof Error ? e.cause.message : e.message) : String(e);
      throw new ApiError(502, "upstream_unreachable", `${SERVICE_LABEL[req.service]} is unreachable at ${url.origin}: ${reason}`,
        { service: req.service, details: { cause: networkCause(e) } });
    }
  }

  /** A request whose non-2xx answers become ApiErrors. */
  async function checked(req: UpstreamRequest): Promise<Response> {
    const res = await raw(req);
    if (!res.ok) throw upstreamError(req.service, res.status, await res.text(), res.headers.get("x-openstack-request-id") ?? res.headers.get("x-compute-request-id") ?? undefined);
    return res;
  }

  /** A request that answers parsed JSON (or undefined for an empty body). */
  async function json<T>(req: UpstreamRequest): Promise<T> {
    const res = await checked(req);
    const text = await bodyText(req.service, res);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  return { raw, upload, checked, json };
}

export type Http = ReturnType<typeof createHttp>;
