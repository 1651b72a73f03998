import { cinderTime, type CinderVolume } from "../../openstack/cinder";
import type { VolumeSummary } from "./schema";

/** Cinder statuses that end by themselves (creating → available, downloading → available…). */
const TRANSIENT = new Set([
  "creating",
  "downloading",
  "attaching",
  "detaching",
  "deleting",
  "extending",
  "uploading",
  "retyping",
  "backing-up",
  "restoring-backup",
  "reserved",
  "maintenance",
  "awaiting-transfer",
]);
export const isTransientVolume = (status: string) => TRANSIENT.has(status.toLowerCase());

export function toVolumeSummary(v: CinderVolume, serverNames: ReadonlyMap<string, string>): VolumeSummary {
  const meta = v.volume_image_metadata;
  const created = cinderTime(v.created_at);
  return {
    id: v.id,
    name: v.name || null,
    sizeGiB: v.size,
    status: v.status,
    type: v.volume_type ?? null,
    bootable: String(v.bootable).toLowerCase() === "true",
    attachments: (v.attachments ?? []).map((a) => ({
      serverId: a.server_id,
      serverName: serverNames.get(a.server_id) ?? null,
      device: a.device ?? null,
    })),
    sourceImage:
      meta && (meta.image_id || meta.image_name)
        ? { id: meta.image_id ?? null, name: meta.image_name ?? null, diskFormat: meta.disk_format ?? null }
        : null,
    created: created === null ? v.created_at : new Date(created).toISOString(),
    transient: isTransientVolume(v.status),
  };
}
