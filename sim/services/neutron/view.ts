import { errors } from "./errors";

/** Network/subnet/port timestamps: `%Y-%m-%dT%H:%M:%SZ` (neutron/db/standard_attr timestamp_db). */
export const neutronTime = (t: number): string => new Date(t).toISOString().replace(/\.\d{3}Z$/, "Z");
/** Agent timestamps: `%Y-%m-%d %H:%M:%S`, a space and no zone. */
export const agentTime = (t: number): string =>
  new Date(t)
    .toISOString()
    .replace("T", " ")
    .replace(/\.\d{3}Z$/, "");

type Item = Record<string, unknown>;
export type Query = Record<string, string[]>;

/** Query keys that are not filters (neutron/api/api_common.py get_filters skips). */
const NON_FILTERS = new Set([
  "fields",
  "sort_key",
  "sort_dir",
  "limit",
  "marker",
  "page_reverse",
  "tags",
  "tags-any",
  "not-tags",
  "not-tags-any",
]);

function toBool(v: string): boolean {
  const s = v.toLowerCase();
  if (["true", "1", "yes", "on"].includes(s)) return true;
  if (["false", "0", "no", "off"].includes(s)) return false;
  throw errors.invalidInput(`'${v}' cannot be converted to boolean`);
}

function matches(value: unknown, wanted: string[]): boolean {
  return wanted.some((w) => {
    if (typeof value === "boolean") return value === toBool(w);
    if (typeof value === "number") return value === Number(w);
    if (value === null || value === undefined) return w === "";
    if (Array.isArray(value)) return value.map(String).includes(w);
    return String(value) === w;
  });
}

const tagList = (q: Query, key: string) => (q[key] ?? []).flatMap((v) => v.split(",")).filter(Boolean);

/**
 * Applies Neutron's generic list semantics to already-rendered items: attribute filters (repeat a key
 * for OR), tag filters, unknown filters rejected as by filter-validation, sort_key/sort_dir, limit/marker.
 */
export function applyListQuery(items: Item[], q: Query, filterable: readonly string[]): { items: Item[]; hasMore: boolean } {
  const allowed = new Set(filterable);
  const invalid = Object.keys(q).filter((k) => !NON_FILTERS.has(k) && !allowed.has(k));
  if (invalid.length) throw errors.badRequest(`[${invalid.map((k) => `'${k}'`).join(", ")}] is invalid attribute for filtering`);
  let out = items.filter((it) => Object.entries(q).every(([k, vals]) => NON_FILTERS.has(k) || matches(it[k], vals)));
  const tags = tagList(q, "tags"),
    tagsAny = tagList(q, "tags-any"),
    notTags = tagList(q, "not-tags"),
    notAny = tagList(q, "not-tags-any");
  if (tags.length || tagsAny.length || notTags.length || notAny.length) {
    out = out.filter((it) => {
      const t = (it.tags as string[] | undefined) ?? [];
      return (
        tags.every((x) => t.includes(x)) &&
        (!tagsAny.length || tagsAny.some((x) => t.includes(x))) &&
        (!notTags.length || !notTags.every((x) => t.includes(x))) &&
        !notAny.some((x) => t.includes(x))
      );
    });
  }
  const sortKeys = q.sort_key ?? [];
  const paginate = q.limit !== undefined || q.marker !== undefined;
  if (sortKeys.length || paginate) {
    const keys = [...sortKeys, "id"];
    const dirs = q.sort_dir ?? [];
    out = [...out].sort((a, b) => {
      for (let i = 0; i < keys.length; i++) {
        const av = a[keys[i]] as any,
          bv = b[keys[i]] as any;
        if (av === bv) continue;
        const d = (dirs[i] ?? "asc") === "desc" ? -1 : 1;
        return (av ?? "") < (bv ?? "") ? -d : d;
      }
      return 0;
    });
  }
  const marker = q.marker?.[0];
  if (marker) {
    const idx = out.findIndex((it) => it.id === marker);
    out = idx >= 0 ? out.slice(idx + 1) : out;
  }
  const limit = q.limit ? Number(q.limit[0]) : 0;
  if (q.limit && !(Number.isInteger(limit) && limit >= 0))
    throw errors.badRequest(`Limit must be an integer 0 or greater and not '${q.limit[0]}'`);
  if (limit > 0 && out.length > limit) return { items: out.slice(0, limit), hasMore: true };
  return { items: out, hasMore: false };
}

/** `?fields=a&fields=b` keeps only those keys (Neutron's resource_fields). */
export function pickFields(item: Item, q: Query): Item {
  const fields = (q.fields ?? []).flatMap((f) => f.split(",")).filter(Boolean);
  if (!fields.length) return item;
  return Object.fromEntries(fields.filter((f) => f in item).map((f) => [f, item[f]]));
}

/** Builds the `{collection: [...], collection_links: [...]}` body of a list call. */
export function listBody(collection: string, all: Item[], q: Query, filterable: readonly string[], url: string): Record<string, unknown> {
  const { items, hasMore } = applyListQuery(all, q, filterable);
  const body: Record<string, unknown> = { [collection]: items.map((it) => pickFields(it, q)) };
  const links: { href: string; rel: string }[] = [];
  const link = (marker: string, rel: string, reverse: boolean) => {
    const u = new URL(url);
    u.searchParams.set("marker", marker);
    if (reverse) u.searchParams.set("page_reverse", "True");
    else u.searchParams.delete("page_reverse");
    links.push({ href: u.toString(), rel });
  };
  if (hasMore && items.length) link(String(items[items.length - 1].id), "next", false);
  if (q.marker && items.length) link(String(items[0].id), "previous", true);
  if (links.length) body[`${collection}_links`] = links;
  return body;
}
