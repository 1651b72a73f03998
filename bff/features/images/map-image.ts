import type { ImageSummary } from "./schema";
import { isInstanceSnapshot, isVolumeBackedSnapshot, type GlanceImage } from "../../openstack/glance";

const TRANSIENT = new Set(["queued", "saving", "uploading", "importing", "pending_delete"]);

export function toImageSummary(i: GlanceImage): ImageSummary {
  const fmt = i.disk_format ?? null;
  const volumeBacked = isVolumeBackedSnapshot(i);
  return {
    id: i.id,
    name: i.name ?? null,
    status: i.status,
    diskFormat: fmt,
    containerFormat: i.container_format ?? null,
    sizeBytes: i.size ?? null,
    virtualSizeBytes: i.virtual_size ?? null,
    minDiskGiB: i.min_disk ?? 0,
    minRamMiB: i.min_ram ?? 0,
    visibility: i.visibility,
    protected: i.protected === true,
    snapshot: isInstanceSnapshot(i),
    volumeBacked,
    copiedNotCloned: fmt && !volumeBacked ? fmt !== "raw" : null,
    created: i.created_at,
    transient: TRANSIENT.has(i.status),
  };
}
