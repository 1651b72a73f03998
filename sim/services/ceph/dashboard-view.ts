import { isoSeconds } from "../../core/clock";
import { subtract, count, union } from "./extents";
import { FEATURES, FEATURE_NAMES, OBJECT_ORDER, OBJECT_SIZE, objectsFor, type Extent, type RbdImage } from "./model";

/** A few entries of the image's effective rbd configuration (the real list has ~80, same shape). */
const CONFIGURATION = [
  ["rbd_cache", "true"],
  ["rbd_cache_policy", "writearound"],
  ["rbd_clone_copy_on_read", "false"],
  ["rbd_qos_bps_limit", "0"],
  ["rbd_qos_iops_limit", "0"],
  ["rbd_read_from_replica_policy", "default"],
].map(([name, value]) => ({ name, value, source: 0 }));

/**
 * One image as the Ceph Dashboard returns it (RbdService._rbd_image, late Pacific): `parent` with
 * pool_namespace, and per snapshot its `children`. `childrenOf` comes from a one-pass index.
 */
export function dashboardImage(
  img: RbdImage,
  childrenOf: (snap: string) => RbdImage[],
  opts: { namespace?: "" | null; omitUsage?: boolean; parentData?: Extent[] } = {},
) {
  // diff_iterate(include_parent=True) from no snapshot counts the objects read through from the parent too:
  // the first diff (the oldest snapshot, or the head when there is none) includes the parent's data.
  let prev: Extent[] = [];
  let first = true;
  const withParent = (objs: Extent[]) => (first ? union(objs, opts.parentData ?? []) : objs);
  const snapshots = img.snaps.map((s) => {
    const usage = count(subtract(withParent(s.objects), prev)) * OBJECT_SIZE;
    first = false;
    prev = s.objects;
    return {
      id: s.id,
      size: s.size,
      name: s.name,
      namespace: 0,
      mirror_mode: "journal",
      timestamp: isoSeconds(s.created),
      is_protected: s.protected,
      used_bytes: null,
      children: childrenOf(s.name).map((c) => ({ pool_name: c.pool, image_name: c.name })),
      disk_usage: usage,
    };
  });
  const head = Math.min(count(subtract(withParent(img.objects), prev)) * OBJECT_SIZE, img.size);
  const total = snapshots.reduce((n, s) => n + s.disk_usage, 0) + head;
  return {
    size: img.size,
    obj_size: OBJECT_SIZE,
    num_objs: objectsFor(img.size),
    order: OBJECT_ORDER,
    block_name_prefix: `rbd_data.${img.imageId}`,
    mirror_mode: "journal",
    name: img.name,
    unique_id: `${img.pool}/${img.imageId}`,
    id: img.imageId,
    image_format: 2,
    pool_name: img.pool,
    namespace: opts.namespace === undefined ? "" : opts.namespace,
    features: FEATURES,
    features_name: FEATURE_NAMES,
    timestamp: isoSeconds(img.created),
    stripe_count: 1,
    stripe_unit: OBJECT_SIZE,
    data_pool: null,
    parent: img.parent
      ? { pool_name: img.parent.pool, pool_namespace: "", image_name: img.parent.image, snap_name: img.parent.snap }
      : null,
    snapshots: opts.omitUsage ? snapshots.map(({ disk_usage: _, ...s }) => s) : snapshots,
    total_disk_usage: opts.omitUsage ? null : total,
    disk_usage: opts.omitUsage ? null : head,
    configuration: CONFIGURATION,
  };
}
