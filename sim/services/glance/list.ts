import type { SimState } from "../../core/state";
import type { AuthContext } from "../keystone/token-auth";
import { glanceImages, type GlanceImage } from "./model";

const ATTR_FILTERS = ["name", "status", "visibility", "owner", "disk_format", "container_format", "protected", "os_hidden", "id"];
const PAGING = new Set(["limit", "marker", "sort_key", "sort_dir", "sort", "tag", "member_status", "size_min", "size_max"]);

function matches(v: unknown, want: string): boolean {
  if (want.startsWith("in:")) return want.slice(3).split(",").includes(String(v));
  return String(v) === want;
}

/** GET /v2/images: visibility rules, attribute and property filters, sort (created_at desc), limit/marker paging. */
export function listImages(
  state: SimState,
  a: AuthContext,
  q: URLSearchParams,
): { images: GlanceImage[]; first: string; next?: string } | { error: string } {
  let imgs = glanceImages(state).all();
  const vis = q.get("visibility");
  if (vis && !["public", "private", "shared", "community", "all"].includes(vis)) return { error: `Invalid visibility value: ${vis}` };
  imgs = imgs.filter((i) => {
    if (vis && vis !== "all")
      return i.visibility === vis && (a.isAdmin || i.visibility === "public" || i.visibility === "community" || i.owner === a.projectId);
    // glance/db/sqlalchemy/api.py: without a visibility, community images are listed only to their owner.
    if (a.isAdmin) return i.visibility !== "community" || i.owner === a.projectId;
    return i.visibility === "public" || i.owner === a.projectId;
  });
  if (!q.has("os_hidden")) imgs = imgs.filter((i) => !i.os_hidden);
  for (const [k, v] of q.entries()) {
    if (PAGING.has(k) || k === "visibility") continue;
    if (ATTR_FILTERS.includes(k)) imgs = imgs.filter((i) => matches((i as any)[k], v));
    else imgs = imgs.filter((i) => k in i.properties && matches(i.properties[k], v));
  }
  for (const t of q.getAll("tag")) imgs = imgs.filter((i) => i.tags.includes(t));
  const sizeMin = q.get("size_min"),
    sizeMax = q.get("size_max");
  if (sizeMin) imgs = imgs.filter((i) => (i.size ?? 0) >= Number(sizeMin));
  if (sizeMax) imgs = imgs.filter((i) => (i.size ?? 0) <= Number(sizeMax));

  let key = q.get("sort_key") ?? "created_at";
  let dir = q.get("sort_dir") ?? "desc";
  const sort = q.get("sort");
  if (sort) {
    const [k, d] = sort.split(",")[0].split(":");
    key = k;
    dir = d ?? "desc";
  }
  // glance/api/v2/images.py _validate_sort_key: the base attributes only.
  const SORT_KEYS = ["name", "status", "container_format", "disk_format", "size", "id", "created_at", "updated_at"];
  if (!SORT_KEYS.includes(key)) return { error: `Invalid sort key: ${key}. It must be one of the following: ${SORT_KEYS.join(", ")}.` };
  if (!["asc", "desc"].includes(dir)) return { error: `Invalid sort direction: ${dir}` };
  const val = (i: GlanceImage): any => (key === "created_at" ? i.created : key === "updated_at" ? i.updated : ((i as any)[key] ?? ""));
  imgs.sort((x, y) => {
    const a1 = val(x),
      b1 = val(y);
    const c = a1 < b1 ? -1 : a1 > b1 ? 1 : x.id < y.id ? -1 : 1;
    return dir === "asc" ? c : -c;
  });

  const marker = q.get("marker");
  if (marker) {
    const at = imgs.findIndex((i) => i.id === marker);
    if (at < 0) return { error: `Invalid marker. Image ${marker} could not be found.` };
    imgs = imgs.slice(at + 1);
  }
  const limitRaw = q.get("limit");
  const limit = limitRaw === null ? 25 : Number(limitRaw);
  if (!Number.isInteger(limit) || limit < 0) return { error: "limit param must be an integer" };
  const page = imgs.slice(0, Math.min(limit, 1000));
  const base = new URLSearchParams(q);
  base.delete("marker");
  const first = `/v2/images${base.toString() ? `?${base}` : ""}`;
  if (page.length > 0 && imgs.length > page.length) {
    base.set("marker", page[page.length - 1].id);
    return { images: page, first, next: `/v2/images?${base}` };
  }
  return { images: page, first };
}
