import type { StepWhy } from "./step-codes";
/**
 * Where a node's used bytes come from. `dashboard`: the dashboard's total_disk_usage. Otherwise unknown:
 * `clone_includes_parent` (the dashboard's diff_iterate counts the parent's data, so a fresh clone would
 * read as fully used), `diff_unsafe` (a 0-byte image or snapshot: fast-diff diff_iterate aborts ceph-mgr,
 * so usage is never asked for), `not_reported` (no fast-diff, or the dashboard gave null).
 */
export type UsageNote = "dashboard" | "clone_includes_parent" | "diff_unsafe" | "not_reported";

/** The RBD facts lineage works from (a subset of the Ceph Dashboard's image). */
export interface RbdFacts {
  pool: string;
  name: string;
  size: number;
  used: number | null;
  usageNote: UsageNote;
  parent: { pool: string; name: string; snap: string } | null;
  snapshots: { name: string; size: number | null; protected: boolean; children: { pool: string; name: string }[] }[];
}

/** A Glance image or Cinder volume that names an RBD image the dashboard does not have (yet). */
export interface PendingImage {
  spec: string;
  owner: { type: "glance" | "cinder"; id: string; name: string };
  /** `fresh`: created in the last FRESH_MS; `transitional`: its status says its data is still being written. */
  reason: "fresh" | "transitional";
}

/** The live OpenStack resources that can own an RBD image (all projects). */
export interface OwnerFacts {
  images: { id: string; name: string | null; instanceSnapshot: boolean }[];
  servers: Map<string, string>;
  /** Nova server id → its status (ACTIVE, SHUTOFF, UNKNOWN for a down cell…), from the same walk. */
  serverStatus?: Map<string, string>;
  volumes: { id: string; name: string | null; nameId?: string | null; status?: string; attachedTo?: string[] }[];
  /** "pool/name" → the Glance image whose location names it, when that is not images/<its id>. */
  locations?: Map<string, { id: string; name: string | null }>;
}

/**
 * A list walk that did not reach its end, so absence from it proves nothing for its pool: `bound` (stopped at
 * its bound), `failed` (an error midway), `cell_down` (Nova answered servers of a down cell as UNKNOWN),
 * `probe_bound` (Nova's down-cell probe was cut at max_limit). Rendered as lineage.walk.<code> in the UI.
 */
export interface WalkNotice {
  service: "glance" | "nova" | "cinder";
  pool: "images" | "vms" | "volumes";
  code: "bound" | "failed" | "cell_down" | "probe_bound";
  params: Record<string, string | number>;
}

/** How much of the cluster lineage saw; the UI shows it, and nothing destructive rests on what was not seen. */
export interface Coverage {
  /** `named_and_linked`: the images Glance and Cinder name, plus every parent and clone reachable from them. */
  basis: "named_and_linked";
  /** Images read from the dashboard. */
  read: number;
  /** The walk stopped at its bound: more images may be linked. */
  truncated: boolean;
  /** Owner walks that did not reach their end: no orphan is called in their pool. */
  walks: WalkNotice[];
  /** Of `read`, the images this gather read from the dashboard (the rest: `reused`). */
  calls?: number;
  /** Of `read`, the images whose facts an earlier gather read, at most `reusedForS` seconds ago. */
  reused?: number;
  reusedForS?: number;
  /** RBD images in all the cluster's RBD pools (the dashboard's count, up to 30 s old); null when not known. */
  listed?: number | null;
}

export type NodeKind = "image" | "instance-snapshot" | "root-disk" | "volume" | "other";

export interface LineageNode {
  /** "pool/name" */
  spec: string;
  pool: string;
  name: string;
  kind: NodeKind;
  orphan: boolean;
  owner: { type: "glance" | "nova" | "cinder"; id: string; name: string } | null;
  /** No owner was seen, but the walk that would name it was incomplete: not an orphan, not proven either. */
  ownerUnknown: boolean;
  /** Why it is an orphan (a code the UI translates; the image's own name carries the id), or null. */
  orphanReason: OrphanReason | null;
  provisionedBytes: number;
  usedBytes: number | null;
  usageNote: UsageNote;
  /** Cinder renamed this volume to volume-<id>.deleted because clones still read from it (rbd.py delete_volume). */
  cinderDeleted: boolean;
  /** "pool/name@snap" of the parent snapshot, or null. */
  parent: string | null;
  snapshots: { name: string; protected: boolean; children: string[] }[];
  /** Direct clones ("pool/name") that keep this image from being deleted. */
  blockedBy: string[];
  /** Whether its owner runs (reads the image now), from the owner walks; absent where the walks gave no status. */
  run?: RunState;
}

/**
 * Whether an RBD image is read by a running owner. `running`: a Nova server in a running status owns it, or a
 * Cinder volume attached to one; `stopped`: proven not running (stopped server, detached volume, a Glance image, an
 * orphan); `unknown`: the owner's status could not be read (a down cell, an incomplete walk, ERROR, no owner pattern).
 * `status` is the owner's own word (Nova's or Cinder's status), for the UI to show.
 */
export interface RunState {
  state: "running" | "stopped" | "unknown";
  certainty: "proven" | "unknown";
  reason: "server_status" | "volume_attached" | "volume_detached" | "glance_image" | "orphan" | "owner_unknown";
  status: string | null;
}

export interface Lineage {
  /** One tree per root RBD image in the `images` pool (Glance images and their leftovers). */
  trees: { root: string; label: string }[];
  nodes: LineageNode[];
  /** Specs of orphans, deepest first. */
  orphans: string[];
  /** Named by Glance/Cinder but not in Ceph yet: while non-empty the view is still settling ("refreshing"). */
  pending: PendingImage[];
  coverage: Coverage;
}

/** Why an RBD image is an orphan: the service that would own it has no resource with the id in its name. */
export const ORPHAN_REASONS = ["no_glance_image", "no_nova_server", "no_cinder_volume", "hidden_parent_unread"] as const;
export type OrphanReason = { code: (typeof ORPHAN_REASONS)[number] };

export type CleanupOp = "flatten" | "unprotect" | "delete-snapshot" | "delete-image";
export interface CleanupStep {
  op: CleanupOp;
  /** "pool/name" */
  image: string;
  snap: string | null;
  /** The orphan this step serves. */
  orphan: string;
  /** Why the step is needed, as a code the UI renders. */
  why: StepWhy;
  /** On the delete-image step: why the image is an orphan (the code the UI translates). */
  reason: OrphanReason | null;
}
