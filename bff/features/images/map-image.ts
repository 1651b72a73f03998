import { isInstanceSnapshot, isVolumeBackedSnapshot, type GlanceImage } from "../../openstack/glance";

export interface ImageSummary {
  id: string;
  name: string | null;
  status: string;
  diskFormat: string | null;
  containerFormat: string | null;
  sizeBytes: number | null;
  virtualSizeBytes: number | null;
  minDiskGiB: number;
  minRamMiB: number;
  visibility: string;
  protected: boolean;
  /** An instance snapshot rather than an uploaded image (image_type=snapshot, or volume-backed). */
  snapshot: boolean;
  /** A volume-backed instance snapshot: no data of its own; a boot makes a volume from its Cinder snapshot. */
  volumeBacked: boolean;
  /**
   * Ceph clones only raw images: any other format is downloaded, converted and imported on every boot
   * or volume create (DESIGN.md). Null when the format is not known yet (queued), or does not apply
   * (a volume-backed snapshot: its qcow2 is Glance's default for an image with no data).
   */
  copiedNotCloned: boolean | null;
  created: string;
  transient: boolean;
}

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
