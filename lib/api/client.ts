import createClient, { type Client, type Middleware } from "openapi-fetch";
import type { paths } from "./schema";
import { SESSION_GONE_CODES } from "./errors";

export type ApiClient = Client<paths>;

/** Every request says it comes from the app; the BFF rejects state changes without it (CSRF). */
const zenithHeader: Middleware = {
  onRequest({ request }) {
    request.headers.set("X-Zenith-Request", "1");
    return request;
  },
};

/** The path to come back to after signing in again: where the user is now. */
export function loginUrlFor(location: { pathname: string; search: string }): string {
  const next = `${location.pathname}${location.search}`;
  return next === "/" || next.startsWith("/login") ? "/login" : `/login?next=${encodeURIComponent(next)}`;
}

/** Full-page navigation, behind an object so tests can observe it (jsdom cannot navigate). */
export const browserNavigation = {
  assign: (url: string) => window.location.assign(url),
};

/** On a 401 that means "no session", go to the login page and keep the current page as `next`. */
const sessionGuard: Middleware = {
  async onResponse({ response }) {
    if (response.status !== 401 || typeof window === "undefined") return undefined;
    if (window.location.pathname.startsWith("/login")) return undefined;
    const body = (await response.clone().json().catch(() => null)) as { code?: string } | null;
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

/** Build a typed BFF client. The browser uses the `api` singleton below; server prefetch builds its own. */
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

/** The browser's BFF client: same-origin, typed by the generated OpenAPI schema. */
export const api: ApiClient = createApiClient();
