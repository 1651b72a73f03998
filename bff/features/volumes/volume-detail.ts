import type { Cinder, CinderSnapshot, CinderVolume } from "../../openstack/cinder";
import { cinderTime } from "../../openstack/cinder";
import type { Nova } from "../../openstack/nova";
import { optional } from "../listing/optional";
import { volumeActionStates } from "./action-policy";
import { toVolumeSummary } from "./map-volume";
import type { VolumeDetail, VolumeSnapshot } from "./schema";

const iso = (t: string) => {
  const ms = cinderTime(t);
  return ms === null ? t : new Date(ms).toISOString();
};

export const toVolumeSnapshot = (s: CinderSnapshot): VolumeSnapshot => ({
  id: s.id,
  name: s.name || null,
  status: s.status,
  sizeGiB: s.size,
  volumeId: s.volume_id,
  created: iso(s.created_at),
});

/**
 * One volume's snapshots. Not with Cinder's `volume_id` filter: from 3.33 cinder-api accepts only the filters its
 * resource_filters.json lists, and a deployment without that file (the real tier's) refuses every one with 400.
 */
export async function volumeSnapshotsOf(cinder: Cinder, volumeId: string): Promise<CinderSnapshot[]> {
  return (await cinder.snapshots()).items.filter((s) => s.volume_id === volumeId);
}

/** What the volume was made from, by Cinder's own fields: a snapshot, another volume, an image, or nothing. */
export function volumeSource(v: CinderVolume): VolumeDetail["source"] {
  if (v.snapshot_id) return { type: "snapshot", id: v.snapshot_id };
  if (v.source_volid) return { type: "volume", id: v.source_volid };
  const img = v.volume_image_metadata?.image_id;
  if (img) return { type: "image", id: img };
  return { type: "blank", id: null };
}

export function toVolumeDetail(v: CinderVolume, snaps: CinderSnapshot[], serverNames: ReadonlyMap<string, string>): VolumeDetail {
  const summary = toVolumeSummary(v, serverNames);
  return {
    ...summary,
    description: v.description || null,
    source: volumeSource(v),
    imageMetadata: { ...(v.volume_image_metadata ?? {}) },
    availabilityZone: v.availability_zone ?? null,
    multiattach: !!v.multiattach,
    snapshots: snaps.map(toVolumeSnapshot),
    actions: volumeActionStates({ status: v.status, attachments: summary.attachments.length, snapshots: snaps.length }),
    unavailable: [],
  };
}

/** One volume with its snapshots and attachments (server names from Nova, which may fail without failing the page). */
export async function volumeDetail(io: { cinder: Cinder; nova: Nova }, id: string): Promise<VolumeDetail> {
  const [v, snaps] = await Promise.all([io.cinder.volume(id), volumeSnapshotsOf(io.cinder, id)]);
  const names = v.attachments?.length
    ? await optional("compute", io.nova.serverNames(), new Map<string, string>())
    : { value: new Map<string, string>(), unavailable: [] };
  return { ...toVolumeDetail(v, snaps, names.value), unavailable: names.unavailable };
}

/** The project's snapshots, newest first (a bounded walk: `truncated` when it stopped short). */
export async function volumeSnapshots(cinder: Cinder) {
  const all = await cinder.snapshots();
  const items = all.items.map(toVolumeSnapshot).sort((a, b) => b.created.localeCompare(a.created));
  return { items, truncated: !all.complete };
}
