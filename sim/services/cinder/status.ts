import type { Snapshot, Volume } from "./model";

/**
 * A volume's status at `now`, derived from its timestamps only (no timers, survives restarts):
 * creating (clone, or the whole image download on the copy path) → downloading (convert + import,
 * copy path only) → available, or in-use once attached; forcedStatus wins.
 */
export function volumeStatus(v: Volume, now: number): string {
  if (v.forcedStatus) return v.forcedStatus;
  if (v.errorAt !== undefined && now >= v.errorAt) return "error";
  if (now < v.creatingUntil) return "creating";
  if (v.downloadingUntil !== null && now < v.downloadingUntil) return "downloading";
  if (v.attachments.some((a) => a.attachedAt <= now)) return "in-use";
  return "available";
}

/** When the volume became available (end of its timeline). */
export const readyAt = (v: Volume) => v.downloadingUntil ?? v.creatingUntil;

export const isGone = (v: Volume, now: number) => v.deleteAt !== undefined && now >= v.deleteAt;

/** updated_at: the last transition that has happened, null while still in the first state. */
export function volumeUpdated(v: Volume, now: number): number | null {
  const marks = [v.creatingUntil, v.downloadingUntil, ...v.attachments.map((a) => a.attachedAt)].filter(
    (t): t is number => t !== null && t <= now,
  );
  return marks.length ? Math.max(...marks) : null;
}

export const snapshotStatus = (s: Snapshot, now: number) => (now < s.readyAt ? "creating" : "available");

/**
 * Cinder copies the image's metadata (volume_image_metadata, bootable=true) at the end of the create flow,
 * after the clone or the download + import: not while the volume is still creating or downloading.
 */
export const glanceMetaRecorded = (v: Volume, now: number) => now >= readyAt(v) && !(v.errorAt !== undefined && now >= v.errorAt);
