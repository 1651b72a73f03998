import type { Http, UpstreamRequest } from "./http";
import type { RequestSession } from "../session/session-service";

/** What a service client needs from the session: the token, the catalog URLs and the project. */
export type SessionLike = Pick<RequestSession, "token" | "url" | "projectId">;

/** A bounded list walk: every item it saw, and whether it reached the end of the list. */
export interface Walk<T> {
  items: T[];
  /** False when the walk stopped at its bound: more items exist that it did not see. */
  complete: boolean;
}

/**
 * Lists with OpenStack's limit/marker paging: asks for `limit` at a time and follows the last id until a
 * short page. `maxItems` bounds the walk (a dashboard list, not an export). Nothing is sliced away: when the
 * bound is hit the walk says it is incomplete, and the caller decides what that means.
 */
export async function listAll<T extends { id: string }, U = T>(
  http: Http,
  req: UpstreamRequest,
  key: string,
  opts: ListOpts<T, U> = {},
): Promise<Walk<U>> {
  const limit = opts.limit ?? 200;
  const maxItems = opts.maxItems ?? 2000;
  const pick = opts.pick ?? ((x: T) => x as unknown as U);
  const items: U[] = [];
  let marker: string | undefined;
  for (;;) {
    const body = await http.json<Record<string, T[]>>({
      ...req,
      query: { ...req.query, limit: Math.min(limit, maxItems - items.length + 1), marker },
    });
    const page = body?.[key] ?? [];
    const asked = Math.min(limit, maxItems - items.length + 1);
    if (items.length + page.length > maxItems) {
      for (const x of page.slice(0, maxItems - items.length)) items.push(pick(x));
      return { items, complete: false };
    }
    for (const x of page) items.push(pick(x));
    if (page.length < asked) return { items, complete: true };
    marker = page[page.length - 1].id;
  }
}

/**
 * `pick`: keeps only what the caller needs of each item as its page arrives, so a walk of thousands of full
 * documents (a server's detail is kilobytes) holds small objects, and each page's raw body goes with the page.
 */
export interface ListOpts<T, U = T> {
  limit?: number;
  maxItems?: number;
  pick?: (item: T) => U;
}

export interface UpstreamPage<T> {
  items: T[];
  /** The id to pass as `marker` for the next page, or null on the last page. */
  nextMarker: string | null;
}

/**
 * One page of a limit/marker list. Asks for `limit + 1` so it knows whether another page exists without a
 * second call; the extra item is dropped and the marker is the last id shown (markers are exclusive).
 */
export async function fetchPage<T extends { id: string }>(
  http: Http,
  req: UpstreamRequest,
  key: string,
  opts: { limit: number; marker?: string },
): Promise<UpstreamPage<T>> {
  const body = await http.json<Record<string, T[]>>({ ...req, query: { ...req.query, limit: opts.limit + 1, marker: opts.marker } });
  const all = body?.[key] ?? [];
  const items = all.slice(0, opts.limit);
  return { items, nextMarker: all.length > opts.limit && items.length ? items[items.length - 1].id : null };
}
