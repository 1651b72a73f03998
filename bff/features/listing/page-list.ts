import { badRequest } from "../../errors";

export type SortDir = "asc" | "desc";

/** What a list view asks for: one page, optionally searched and sorted. */
export interface ListParams<K extends string = string> {
  limit: number;
  marker?: string;
  search?: string;
  sort: K;
  dir: SortDir;
}

/**
 * One page of a list. `mode` says who paged it: `upstream` (the service's own limit/marker, one call) or
 * `scanned` (Zenith walked the list, up to a bound, to search or sort what the service cannot).
 */
export interface ListPage<T> {
  items: T[];
  nextMarker: string | null;
  mode: "upstream" | "scanned";
  /** In `scanned` mode: the walk stopped at its bound, so later items were not searched. */
  truncated: boolean;
}

/** The service can serve this page itself: no text search, and an order it sorts by natively. */
export function upstreamCanServe<K extends string>(p: ListParams<K>, native: readonly `${K}:${SortDir}`[]): boolean {
  return !p.search && native.includes(`${p.sort}:${p.dir}` as `${K}:${SortDir}`);
}

export interface LocalPaging<T, K extends string> {
  /** Text a search matches against (name, id…), case-insensitively. */
  text: (item: T) => (string | null | undefined)[];
  /** The value each sort key orders by; nulls sort last. */
  sortBy: Record<K, (item: T) => string | number | null | undefined>;
}

const compare = (a: string | number | null | undefined, b: string | number | null | undefined): number => {
  if (a == null || a === "") return b == null || b === "" ? 0 : 1;
  if (b == null || b === "") return -1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b), "en", { numeric: true, sensitivity: "base" });
};

/**
 * Searches, sorts and pages a walked list. The marker is the last id of the previous page, as with the
 * services, so the UI cannot tell the two modes apart. Ties break on id, so pages never overlap.
 */
export function pageLocally<T extends { id: string }, K extends string>(
  all: T[],
  p: ListParams<K>,
  how: LocalPaging<T, K>,
  truncated: boolean,
): ListPage<T> {
  const needle = p.search?.trim().toLowerCase();
  const found = needle ? all.filter((it) => how.text(it).some((s) => s?.toLowerCase().includes(needle))) : all;
  const key = how.sortBy[p.sort];
  const sign = p.dir === "asc" ? 1 : -1;
  // Nulls stay last in either direction; only real values flip.
  const sorted = [...found].sort((a, b) => {
    const va = key(a),
      vb = key(b);
    const nullA = va == null || va === "",
      nullB = vb == null || vb === "";
    if (nullA !== nullB) return nullA ? 1 : -1;
    return sign * compare(va, vb) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
  let start = 0;
  if (p.marker) {
    const at = sorted.findIndex((it) => it.id === p.marker);
    if (at < 0)
      throw badRequest("query.marker", "not in this list any more (it changed, or the search differs); start again from the first page");
    start = at + 1;
  }
  const items = sorted.slice(start, start + p.limit);
  const more = start + p.limit < sorted.length;
  return { items, nextMarker: more && items.length ? items[items.length - 1].id : null, mode: "scanned", truncated };
}

/** How far a scanned list walks before it stops (and says so). */
export const SCAN_LIMIT = 1000;
