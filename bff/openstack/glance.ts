import { type Http, upstreamError, upstreamRequestIdOf } from "./http";
import { fetchPage, listAll, type ListOpts, type SessionLike } from "./paging";

/** A Glance v2 image: custom properties are top-level string keys. */
export interface GlanceImage {
  id: string;
  name: string | null;
  status: string;
  disk_format: string | null;
  container_format: string | null;
  size: number | null;
  virtual_size: number | null;
  min_disk: number;
  min_ram: number;
  visibility: string;
  owner: string | null;
  created_at: string;
  updated_at: string;
  direct_url?: string;
  locations?: { url: string; metadata: unknown }[];
  image_type?: string;
  block_device_mapping?: string;
  bdm_v2?: string;
  [property: string]: unknown;
}

/**
 * A volume-backed instance snapshot (nova snapshot_volume_backed). Real Nova sets no image_type on it: it is
 * known by its block_device_mapping property (a JSON string) and bdm_v2 "True". It has no data of its own
 * (size 0, Glance's default qcow2): a boot from it makes a volume from the Cinder snapshot in the mapping.
 */
export const isVolumeBackedSnapshot = (i: Pick<GlanceImage, "block_device_mapping" | "bdm_v2">): boolean =>
  typeof i.block_device_mapping === "string" || String(i.bdm_v2 ?? "").toLowerCase() === "true";

/** An instance snapshot of either kind: image_type=snapshot (image-backed) or volume-backed. */
export const isInstanceSnapshot = (i: Pick<GlanceImage, "image_type" | "block_device_mapping" | "bdm_v2">): boolean =>
  i.image_type === "snapshot" || isVolumeBackedSnapshot(i);

/** Glance v2. Asks for JSON explicitly: Glance's webob errors negotiate their format from Accept. */
export function createGlance(http: Http, s: SessionLike) {
  const base = s.url("image");
  const req = (path: string) => ({
    service: "image" as const,
    url: `${base}${path}`,
    token: s.token,
    headers: { Accept: "application/json" },
  });
  return {
    images: <U = GlanceImage>(query: Record<string, string> = {}, opts?: ListOpts<GlanceImage, U>) =>
      listAll<GlanceImage, U>(http, { ...req("/images"), query }, "images", opts),
    image: (id: string) => http.json<GlanceImage>(req(`/images/${encodeURIComponent(id)}`)),
    /** POST /v2/images: a queued record (never retried). */
    create: (body: Record<string, unknown>) => http.json<GlanceImage>({ ...req("/images"), method: "POST", json: body }),
    /** PATCH with a JSON patch (application/openstack-images-v2.1-json-patch). */
    patch: (id: string, ops: { op: string; path: string; value?: unknown }[]) =>
      http.json<GlanceImage>({
        ...req(`/images/${encodeURIComponent(id)}`),
        method: "PATCH",
        headers: { Accept: "application/json", "Content-Type": "application/openstack-images-v2.1-json-patch" },
        body: JSON.stringify(ops),
      }),
    remove: (id: string) => http.checked({ ...req(`/images/${encodeURIComponent(id)}`), method: "DELETE" }).then(() => undefined),
    /** GET /v2/info/import: the import methods this Glance enables. */
    importMethods: () =>
      http.json<{ "import-methods"?: { value?: string[] } }>(req("/info/import")).then((b) => b["import-methods"]?.value ?? []),
    /** POST /v2/images/{id}/import (202, no body; never retried). */
    import: (id: string, method: Record<string, unknown>) =>
      http.checked({ ...req(`/images/${encodeURIComponent(id)}/import`), method: "POST", json: { method } }).then(() => undefined),
    /** GET /v2/images/{id}/tasks (2.12): the image's import tasks, newest first. */
    tasks: (id: string) =>
      http
        .json<{ tasks: { id: string; status: string; message: string; created_at: string; updated_at: string }[] }>(
          req(`/images/${encodeURIComponent(id)}/tasks`),
        )
        .then((b) => b.tasks),
    /** GET /v2/images/{id}/file as an unread response (the caller streams its body on). */
    data: (id: string, signal?: AbortSignal) =>
      http.checked({ ...req(`/images/${encodeURIComponent(id)}/file`), headers: { Accept: "application/octet-stream" }, signal }),
    /** PUT /v2/images/{id}/stage with a streamed body (glance-direct's staging; never buffered, never retried). */
    stage: async (id: string, stream: ReadableStream<Uint8Array>, timeoutMs: number, signal?: AbortSignal) => {
      const res = await http.upload({
        ...req(`/images/${encodeURIComponent(id)}/stage`),
        method: "PUT",
        headers: { Accept: "application/json", "Content-Type": "application/octet-stream" },
        stream,
        timeoutMs,
        signal,
      });
      if (!res.ok) throw upstreamError("image", res.status, await res.text(), upstreamRequestIdOf(res.headers));
    },
    /** One limit/marker page; `query` carries sort_key/sort_dir and attribute filters. */
    imagesPage: (opts: { limit: number; marker?: string; query?: Record<string, string> }) =>
      fetchPage<GlanceImage>(http, { ...req("/images"), query: opts.query }, "images", opts),
  };
}
export type Glance = ReturnType<typeof createGlance>;
