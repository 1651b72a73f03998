import type { RbdFacts, UsageNote } from "./types";

/**
 * Whether lineage may ask the dashboard for an image's usage, and if not, why its usage stays unknown.
 *
 * - A clone: Pacific's RbdService._rbd_disk_usage calls image.diff_iterate(0, size, prev_snap, cb,
 *   whole_object=True) (mgr/dashboard/services/rbd.py:283) with python-rbd's default include_parent=True,
 *   so the parent's objects count as the clone's: a fresh 128 MiB clone reads 128 MiB where `rbd du` says 0.
 * - A 0-byte image, or one with a 0-byte snapshot (Glance's image of a volume-backed instance snapshot):
 *   fast-diff diff_iterate aborts librbd (DiffIterate.cc:341 ceph_assert) and takes ceph-mgr down.
 * Everything else is read once more without omit_usage.
 */
export function usagePolicy(f: Pick<RbdFacts, "size" | "parent" | "snapshots">): "read" | Exclude<UsageNote, "dashboard" | "not_reported"> {
  if (f.size === 0 || f.snapshots.some((s) => s.size === 0 || s.size === null)) return "diff_unsafe";
  if (f.parent) return "clone_includes_parent";
  return "read";
}

/** The dashboard's answer to a usage read, as lineage reports it. */
export function usageFrom(
  total: number | null | undefined,
  head: number | null | undefined,
): { used: number | null; usageNote: UsageNote } {
  const used = total ?? head ?? null;
  return used === null ? { used: null, usageNote: "not_reported" } : { used, usageNote: "dashboard" };
}
