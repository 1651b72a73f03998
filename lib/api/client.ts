import type { Client } from "openapi-fetch";
import type { paths } from "./schema";

export type ApiClient = Client<paths>;

/** The path to come back to after signing in again: where the user is now. */
export function loginUrlFor(location: { pathname: string; search: string }): string {
  const next = `${location.pathname}${location.search}`;
  return next === "/" || next.startsWith("/login") ? "/login" : `/login?next=${encodeURIComponent(next)}`;
}

/** Full-page navigation, behind an object so tests can observe it (jsdom cannot navigate). */
export const browserNavigation = {
  assign: (url: string) => window.location.assign(url),
};

type Method = "GET" | "PUT" | "POST" | "DELETE" | "OPTIONS" | "HEAD" | "PATCH" | "TRACE" | "request";

let loading: Promise<ApiClient> | undefined;
/** The real client (create-client.ts, with openapi-fetch), made on first use; a failed chunk load is retried next time. */
function browserClient(): Promise<ApiClient> {
  return (loading ??= import("./create-client").then(
    (m) => m.createApiClient(),
    (err: unknown) => {
      loading = undefined;
      throw err;
    },
  ));
}
const call = <M extends Method>(m: M) =>
  ((...args: unknown[]) => browserClient().then((c) => (c[m] as (...a: unknown[]) => unknown)(...args))) as ApiClient[M];

/**
 * The browser's BFF client: same-origin, typed by the generated OpenAPI schema. Pages render from data the server
 * prefetched, so the client code (openapi-fetch and the middleware) loads with the first call from the browser
 * rather than with every page. Middleware registered here applies, in order, before any later call.
 */
export const api: ApiClient = {
  GET: call("GET"),
  PUT: call("PUT"),
  POST: call("POST"),
  DELETE: call("DELETE"),
  OPTIONS: call("OPTIONS"),
  HEAD: call("HEAD"),
  PATCH: call("PATCH"),
  TRACE: call("TRACE"),
  request: call("request"),
  use: (...mw) => void browserClient().then((c) => c.use(...mw)),
  eject: (...mw) => void browserClient().then((c) => c.eject(...mw)),
};
