import { QueryCache, QueryClient, defaultShouldDehydrateQuery, isServer } from "@tanstack/react-query";
import { isApiError } from "./errors";

/** Report a failed query once. prefetchQuery swallows errors, so this is where they surface in logs. */
function reportQueryError(error: unknown, queryKey: readonly unknown[]) {
  // No session (the client redirects to login) and no permission (the page says so) are
  // answers, not failures: do not log them.
  if (isApiError(error) && (error.status === 401 || error.status === 403)) return;
  const detail = isApiError(error) ? `${error.status} ${error.code} requestId=${error.requestId || "-"}` : "";
  console.error(`[zenith] query ${JSON.stringify(queryKey)} failed: ${error instanceof Error ? error.message : error} ${detail}`);
}

/**
 * The browser's retry rule. 4xx answers are decisions (forbidden, expired), not glitches; a 503 means the BFF
 * knows the upstream is down (e.g. ceph_unavailable after ceph-mgr died) and retrying only knocks again.
 * Anything else (network, 502, 504) is retried twice.
 */
export function shouldRetry(failures: number, error: unknown): boolean {
  if (isApiError(error) && ((error.status >= 400 && error.status < 500) || error.status === 503)) return false;
  return failures < 2;
}

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => reportQueryError(error, query.queryKey) }),
    defaultOptions: {
      queries: {
        staleTime: 60_000,
        // The server never retries: a failed prefetch is simply refetched by the browser.
        retry: isServer ? false : shouldRetry,
        refetchOnWindowFocus: false,
      },
      dehydrate: {
        // Stream queries that are still pending when the server finishes rendering.
        shouldDehydrateQuery: (query) => defaultShouldDehydrateQuery(query) || query.state.status === "pending",
      },
    },
  });
}

let browserQueryClient: QueryClient | undefined;

/** A fresh client per server request; one client for the life of the browser tab. */
export function getQueryClient(): QueryClient {
  if (isServer) return makeQueryClient();
  browserQueryClient ??= makeQueryClient();
  return browserQueryClient;
}
