/** The RBD facts lineage works from (a subset of the Ceph Dashboard's image). */
export interface RbdFacts {
  pool: string;
  name: string;
  size: number;
  used: number | null;
  parent: { pool: string; name: string; snap: string } | null;
  snapshots: { name: string; protected: boolean; children: { pool: string; name: string }[] }[];
}

/** The live OpenStack resources that can own an RBD image (all projects). */
export interface OwnerFacts {
  images: { id: string; name: string | null; instanceSnapshot: boolean }[];
  servers: Map<string, string>;
  volumes: { id: string; name: string | null }[];
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
  /** Why it is an orphan, or null. */
  orphanReason: string | null;
  provisionedBytes: number;
  usedBytes: number | null;
  /** "pool/name@snap" of the parent snapshot, or null. */
  parent: string | null;
  snapshots: { name: string; protected: boolean; children: string[] }[];
  /** Direct clones ("pool/name") that keep this image from being deleted. */
  blockedBy: string[];
}

export interface Lineage {
  /** One tree per root RBD image in the `images` pool (Glance images and their leftovers). */
  trees: { root: string; label: string }[];
  nodes: LineageNode[];
  /** Specs of orphans, deepest first. */
  orphans: string[];
}

export type CleanupOp = "flatten" | "unprotect" | "delete-snapshot" | "delete-image";
export interface CleanupStep {
  op: CleanupOp;
  /** "pool/name" */
  image: string;
  snap: string | null;
  /** The orphan this step serves. */
  orphan: string;
  why: string;
}
