import type { FetchQueryOptions, QueryClient, QueryKey } from "@tanstack/react-query";
import { isApiError } from "./errors";

/**
 * Prefetch on the server and report how it went: `null` when the data is in
 * the cache, else the HTTP status (0 for a network failure). Failed queries are
 * not dehydrated, so the browser refetches them and gets the real ApiError.
 */
export async function prefetch<T, K extends QueryKey>(qc: QueryClient, options: FetchQueryOptions<T, Error, T, K>): Promise<number | null> {
  await qc.prefetchQuery(options);
  const error = qc.getQueryState(options.queryKey)?.error;
  if (!error) return null;
  return isApiError(error) ? error.status : 0;
}
