/**
 * The simulated Ceph cluster: one fsid, three pools, RBD images made of 4 MiB objects.
 * Images, snapshots and clone links are plain JSON documents; the operations in rbd.ts are
 * pure functions over an RbdRepo, so they can be unit-tested without the SQLite store.
 */
export const CLUSTER_FSID = "4b5c8c0a-ff60-454b-a1b4-9747aa737d19";
/** A second cluster that some Glance images live on (direct_url with this fsid is never cloneable here). */
export const FOREIGN_FSID = "9d3f1c2e-6a7b-4c8d-9e0f-1a2b3c4d5e6f";
export const POOLS = ["images", "volumes", "vms"] as const;
export const OBJECT_ORDER = 22;
export const OBJECT_SIZE = 2 ** OBJECT_ORDER; // 4 MiB
/** layering, exclusive-lock, object-map, fast-diff, deep-flatten */
export const FEATURES = 61;
export const FEATURE_NAMES = ["deep-flatten", "exclusive-lock", "fast-diff", "layering", "object-map"];

/** Half-open ranges [start, end) of object numbers, sorted and disjoint. */
export type Extent = [number, number];

export interface SnapRef {
  pool: string;
  image: string;
  snap: string;
}
export interface ParentLink extends SnapRef {
  overlap: number;
}

export interface RbdSnap {
  id: number;
  name: string;
  size: number;
  protected: boolean;
  created: number;
  /** Objects the image held when the snapshot was taken. */
  objects: Extent[];
}

export interface RbdImage {
  /** Document key: `<pool>/<name>`. */
  id: string;
  pool: string;
  name: string;
  /** librbd's image id (12 hex digits); block_name_prefix is rbd_data.<imageId>. */
  imageId: string;
  size: number;
  created: number;
  /** Objects written into this image itself (not read through from a parent). */
  objects: Extent[];
  parent: ParentLink | null;
  snaps: RbdSnap[];
  nextSnapId: number;
  /** Accounting: objects copied up from the parent on first write or by flatten, and reads served by the parent. */
  stats: { copyups: number; parentReads: number };
  /** Moved to the RBD trash (`rbd trash mv`): kept under trashKey, still a child of its parent snapshot. */
  trash?: { deletedAt: number };
}

export const imageKey = (pool: string, name: string) => `${pool}/${name}`;
/** Where a trashed image is kept: by its image id, so its old name is free again (as in librbd). */
export const trashKey = (pool: string, imageId: string) => `${pool}/.trash/${imageId}`;
export const specOf = (r: SnapRef) => `${r.pool}/${r.image}@${r.snap}`;
export const objectsFor = (bytes: number) => Math.ceil(bytes / OBJECT_SIZE);

/** Storage for RBD images; the store-backed one lives in repo.ts, tests use memoryRepo(). */
export interface RbdRepo {
  get(pool: string, name: string): RbdImage | undefined;
  put(img: RbdImage): void;
  remove(pool: string, name: string): void;
  all(): RbdImage[];
  /** Changes whenever an RBD image is written (see childIndexOf). */
  generation(): number;
  /** Images whose parent is pool/image@snap (rbd children). */
  children(ref: SnapRef): RbdImage[];
}

export function memoryRepo(): RbdRepo {
  const m = new Map<string, RbdImage>();
  let generation = 0;
  return {
    get: (p, n) => m.get(imageKey(p, n)),
    put: (img) => {
      generation++;
      m.set(img.id, img);
    },
    remove: (p, n) => {
      generation++;
      m.delete(imageKey(p, n));
    },
    all: () => [...m.values()],
    generation: () => generation,
    children: (r) =>
      [...m.values()].filter((i) => i.parent && i.parent.pool === r.pool && i.parent.image === r.image && i.parent.snap === r.snap),
  };
}

/** errno values librbd returns, with python-rbd's wording ("[errno 16] RBD image is busy (...)"). */
export const ERRNO = {
  ENOENT: [2, "RBD image not found"],
  EEXIST: [17, "RBD image already exists"],
  EINVAL: [22, "RBD invalid argument"],
  EBUSY: [16, "RBD image is busy"],
  ENOTEMPTY: [39, "RBD image has snapshots"],
} as const;
export type ErrName = keyof typeof ERRNO;

/** A failed RBD operation: `cli` is what the rbd tool prints, `python` what python-rbd raises. */
export class RbdError extends Error {
  readonly errno: number;
  constructor(
    readonly code: ErrName,
    readonly cli: string,
    readonly python: string,
  ) {
    super(cli);
    this.errno = ERRNO[code][0];
  }
  /** The rbd CLI's exit status equals the errno. */
  get rc() {
    return this.errno;
  }
}

export const pyErr = (code: ErrName, what: string) => `[errno ${ERRNO[code][0]}] ${ERRNO[code][1]} (${what})`;
export const pyBytes = (s: string) => `b'${s}'`;
