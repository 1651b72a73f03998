import type { Http } from "./http";
import { fetchPage, listAll, type SessionLike } from "./paging";

/** A Glance v2 image: custom properties are top-level string keys. */
export interface GlanceImage {
  id: string; name: string | null; status: string; disk_format: string | null; container_format: string | null;
  size: number | null; virtual_size: number | null; min_disk: number; min_ram: number; visibility: string;
  owner: string | null; created_at: string; updated_at: string; direct_url?: string; locations?: { url: string; metadata: unknown }[];
  image_type?: string; block_device_mapping?: string; bdm_v2?: string; [property: string]: unknown;
}

/** Glance v2. Asks for JSON explicitly: Glance's webob errors negotiate their format from Accept. */
export function createGlance(http: Http, s: SessionLike) {
  const base = s.url("image");
  const req = (path: string) => ({ service: "image" as const, url: `${base}${path}`, token: s.token, headers: { Accept: "application/json" } });
  return {
    images: (query: Record<string, string> = {}, opts?: { maxItems?: number; limit?: number }) => listAll<GlanceImage>(http, { ...req("/images"), query }, "images", opts),
    image: (id: string) => http.json<GlanceImage>(req(`/images/${encodeURIComponent(id)}`)),
    /** One limit/marker page; `query` carries sort_key/sort_dir and attribute filters. */
    imagesPage: (opts: { limit: number; marker?: string; query?: Record<string, string> }) =>
      fetchPage<GlanceImage>(http, { ...req("/images"), query: opts.query }, "images", opts),
  };
}
export type Glance = ReturnType<typeof createGlance>;
