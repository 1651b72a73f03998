import { ApiError } from "../../errors";

/** A service that failed while a page was built, by the envelope's service and code. */
export interface Unavailable {
  service: string;
  code: string;
}

/**
 * A lookup a page can do without (names for ids): its value, or `fallback` and the failure when the service failed.
 * Only the service failing is absorbed (a 502/503/504 naming it); a 4xx (e.g. the token refused) or a bug is thrown.
 */
export async function optional<T>(service: string, p: Promise<T>, fallback: T): Promise<{ value: T; unavailable: Unavailable[] }> {
  try {
    return { value: await p, unavailable: [] };
  } catch (e) {
    if (!(e instanceof ApiError) || e.extra.service !== service || e.status < 500) throw e;
    return { value: fallback, unavailable: [{ service, code: e.code }] };
  }
}

/** A read whose 404 means "nothing to name" (deleted, or another project's): null, not a failure. */
export function nullOn404<T>(p: Promise<T>): Promise<T | null> {
  return p.catch((e: unknown) => {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  });
}

/** The failures of several optional lookups, once per service. */
export const merged = (...lists: Unavailable[][]): Unavailable[] => [...new Map(lists.flat().map((u) => [u.service, u])).values()];
