/**
 * A resource list's URL state: search, sort, one filter and the page cursor, parsed from search params by
 * the page (server) and the client alike, so a shared or reloaded URL shows the same page.
 */
export type SortDir = "asc" | "desc";

export interface ListSpec<S extends string, F extends string = never> {
  sorts: readonly S[];
  defaultSort: S;
  defaultDir: SortDir;
  /** One upstream filter (status, format…), named by its query key. */
  filter?: { key: string; values: readonly F[] };
}

export interface ListState<S extends string, F extends string = never> {
  search: string;
  sort: S;
  dir: SortDir;
  filter: F | undefined;
  /** Markers of the pages before this one; the last is this page's marker. */
  cursor: string[];
}

export const PAGE_SIZE = 20;
const MARKER = /^[A-Za-z0-9_-]{1,64}$/;

type Getter = (key: string) => string | null | undefined;

/** From Next's `searchParams` record (server) or URLSearchParams (client). */
export function getterOf(params: URLSearchParams | Record<string, string | string[] | undefined>): Getter {
  if (params instanceof URLSearchParams) return (k) => params.get(k);
  return (k) => {
    const v = params[k];
    return Array.isArray(v) ? v[0] : v;
  };
}

export function parseListState<S extends string, F extends string>(spec: ListSpec<S, F>, get: Getter): ListState<S, F> {
  const sort = get("sort");
  const dir = get("dir");
  const filter = spec.filter ? get(spec.filter.key) : undefined;
  return {
    search: (get("q") ?? "").trim().slice(0, 100),
    sort: spec.sorts.includes(sort as S) ? (sort as S) : spec.defaultSort,
    dir: dir === "asc" || dir === "desc" ? dir : spec.defaultDir,
    filter: spec.filter?.values.includes(filter as F) ? (filter as F) : undefined,
    cursor: (get("after") ?? "")
      .split(",")
      .filter((m) => MARKER.test(m))
      .slice(0, 50),
  };
}

/** The BFF query for this state. */
export function listQueryOf<S extends string, F extends string>(spec: ListSpec<S, F>, s: ListState<S, F>) {
  return {
    limit: PAGE_SIZE,
    sort: s.sort,
    dir: s.dir,
    ...(s.search ? { search: s.search } : {}),
    ...(s.cursor.length ? { marker: s.cursor[s.cursor.length - 1] } : {}),
    ...(spec.filter && s.filter ? { [spec.filter.key]: s.filter } : {}),
  };
}

/** The URL search string for this state, leaving defaults out. */
export function listSearchOf<S extends string, F extends string>(spec: ListSpec<S, F>, s: ListState<S, F>): string {
  const q = new URLSearchParams();
  if (s.search) q.set("q", s.search);
  if (spec.filter && s.filter) q.set(spec.filter.key, s.filter);
  if (s.sort !== spec.defaultSort || s.dir !== spec.defaultDir) {
    q.set("sort", s.sort);
    q.set("dir", s.dir);
  }
  if (s.cursor.length) q.set("after", s.cursor.join(","));
  const str = q.toString();
  return str ? `?${str}` : "";
}
