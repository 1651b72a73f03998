import type { Glance } from "../../openstack/glance";
import { pageLocally, SCAN_LIMIT, upstreamCanServe, type ListPage } from "../listing/page-list";
import { toImageSummary } from "./map-image";
import type { ImageListParams, ImageSort, ImageSummary } from "./schema";

const GLANCE_KEY: Record<ImageSort, string> = { created: "created_at", name: "name", size: "size", status: "status" };

/** A page of images. Glance sorts by every offered key itself; only a text search walks the list. */
export async function listImages(glance: Glance, p: ImageListParams): Promise<ListPage<ImageSummary>> {
  const filter: Record<string, string> = p.format ? { disk_format: p.format } : {};
  const native = (["created", "name", "size", "status"] as const).flatMap((k) => [`${k}:asc`, `${k}:desc`] as const);
  if (upstreamCanServe(p, native)) {
    const page = await glance.imagesPage({
      limit: p.limit,
      marker: p.marker,
      query: { ...filter, sort_key: GLANCE_KEY[p.sort], sort_dir: p.dir },
    });
    return { items: page.items.map(toImageSummary), nextMarker: page.nextMarker, mode: "upstream", truncated: false };
  }
  const walk = await glance.images(filter, { maxItems: SCAN_LIMIT });
  const all = walk.items;
  return pageLocally(
    all.map(toImageSummary),
    p,
    {
      text: (r) => [r.name, r.id, r.diskFormat],
      sortBy: { created: (r) => r.created, name: (r) => r.name, size: (r) => r.sizeBytes, status: (r) => r.status },
    },
    !walk.complete,
  );
}
