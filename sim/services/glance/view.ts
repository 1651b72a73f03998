import { isoSeconds } from "../../core/clock";
import type { GlanceImage } from "./model";

export interface ViewOpts {
  showLocations: boolean;
  directUrl: boolean;
  multipleLocations: boolean;
}

/** Glance v2 image body: custom properties at top level, direct_url/locations only when exposed. */
export function imageView(img: GlanceImage, o: ViewOpts): Record<string, unknown> {
  const body: Record<string, unknown> = {
    ...img.properties,
    status: img.status,
    name: img.name,
    tags: img.tags,
    container_format: img.container_format,
    created_at: isoSeconds(img.created),
    disk_format: img.disk_format,
    updated_at: isoSeconds(img.updated),
    visibility: img.visibility,
    self: `/v2/images/${img.id}`,
    min_disk: img.min_disk,
    protected: img.protected,
    id: img.id,
    file: `/v2/images/${img.id}/file`,
    checksum: img.checksum,
    os_hash_algo: img.os_hash_algo,
    os_hash_value: img.os_hash_value,
    os_hidden: img.os_hidden,
    owner: img.owner,
    size: img.size,
    min_ram: img.min_ram,
    schema: "/v2/schemas/image",
    virtual_size: img.virtual_size,
  };
  if (o.showLocations && img.locationUrl) {
    body.stores = "ceph";
    if (o.directUrl) body.direct_url = img.locationUrl;
    if (o.multipleLocations) body.locations = [{ url: img.locationUrl, metadata: { store: "ceph" } }];
  } else if (o.showLocations && o.multipleLocations) body.locations = [];
  return body;
}
