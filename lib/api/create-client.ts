import createClient, { type Middleware } from "openapi-fetch";
import type { paths } from "./schema";
import { browserNavigation, loginUrlFor, type ApiClient } from "./client";
import { SESSION_GONE_CODES } from "./errors";

/** A new request id, `req-<uuid>` as OpenStack takes it; none where randomUUID is missing (http on a non-local host). */
export function newRequestId(): string | undefined {
  const uuid = globalThis.crypto?.randomUUID?.();
  return uuid ? `req-${uuid}` : undefined;
}

/**
 * Every request says it comes from the app; the BFF rejects state changes without it (CSRF). Each carries its own
 * X-Request-Id, which the BFF logs, sends to OpenStack as X-OpenStack-Request-ID and answers back (also in errors).
 */
const zenithHeader: Middleware = {
  onRequest({ request }) {
    request.headers.set("X-Zenith-Request", "1");
    const id = newRequestId();
    if (id) request.headers.set("X-Request-Id", id);
    return request;
  },
};

/** On a 401 that means "no session", go to the login page and keep the current page as `next`. */
const sessionGuard: Middleware = {
  async onResponse({ response }) {
    if (response.status !== 401 || typeof window === "undefined") return undefined;
    if (window.location.pathname.startsWith("/login")) return undefined;
    const body = (await response
      .clone()
      .json()
      .catch(() => null)) as { code?: string } | null;
    if (body?.code && SESSION_GONE_CODES.has(body.code)) browserNavigation.assign(loginUrlFor(window.location));
    return undefined;
  },
};

interface ClientOptions {
  /** Absolute origin for server-side calls; the browser uses same-origin relative URLs. */
  baseUrl?: string;
  /** Extra headers for every request (the server forwards the user's cookie). */
  headers?: Record<string, string>;
  /** Transport; defaults to the global fetch, looked up per call so tests can stub it. */
  fetch?: (request: Request) => Promise<Response>;
}

/** Build a typed BFF client. The browser's `api` (client.ts) makes one on first use; server prefetch builds its own. */
export function createApiClient(options: ClientOptions = {}): ApiClient {
  const client = createClient<paths>({
    // In the browser: this origin (absolute, so Request parsing never depends on the environment).
    baseUrl: options.baseUrl ?? (typeof window === "undefined" ? "" : window.location.origin),
    headers: options.headers,
    fetch: options.fetch ?? ((r) => globalThis.fetch(r)),
  });
  client.use(zenithHeader, sessionGuard);
  return client;
}
