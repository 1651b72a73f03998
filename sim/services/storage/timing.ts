/**
 * How long storage work takes, in cloud seconds (scaled to wall time by state.clock.ms).
 * Fitted to the measured Zed + Ceph 16 runs (reference/glance-cinder-on-ceph-rbd.md):
 * raw → volume clone available in ~1.0–1.4 s; 256 MiB qcow2 → downloading at ~2.5 s, available at ~4.1 s;
 * 1 GiB qcow2 (896 MiB data): download 6–7.5 s, convert 2.3 s, import 1.7 s.
 */
const MiB = 1024 * 1024;
export const CLONE_SECONDS = 1.1;
export const BLANK_VOLUME_SECONDS = 1.0;
export const SNAPSHOT_SECONDS = 1.0;
export const DOWNLOAD_BYTES_PER_S = 128 * MiB;
export const CONVERT_BYTES_PER_S = 450 * MiB;
export const IMPORT_BYTES_PER_S = 512 * MiB;

export interface CopyStages {
  download: number;
  convert: number;
  import: number;
}

/** Cinder's/Nova's generic path: download the whole file, qemu-img convert to raw (skipped for raw), rbd import. */
export function copyStages(img: { size: number | null; virtual_size: number | null; disk_format: string | null }): CopyStages {
  const size = img.size ?? 0;
  const virt = img.virtual_size ?? size;
  const data = Math.min(size, virt);
  return {
    download: 0.5 + size / DOWNLOAD_BYTES_PER_S,
    convert: img.disk_format === "raw" ? 0.2 : 0.3 + virt / CONVERT_BYTES_PER_S,
    import: 0.3 + data / IMPORT_BYTES_PER_S,
  };
}

export const copySeconds = (s: CopyStages) => s.download + s.convert + s.import;
