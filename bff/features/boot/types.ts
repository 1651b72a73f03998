/**
 * Typed facts the boot planner works over. The route gathers them from Glance, Cinder, Nova and Ceph;
 * everything in this folder is pure so it can be table-tested without HTTP.
 */
export const GiB = 1024 ** 3;
export const MiB = 1024 ** 2;

import type { CheckStatus } from "./schema";

/** The shapes the route answers with are z.infer of schema.ts; the planner's facts below are its own. */
export type { BootPath, Check, CheckId, CheckStatus, NovaWait, Quantiles, SourceType, ThroughputModel } from "./schema";
/** A Glance image (plain image or instance snapshot) as the caller sees it. */
export interface ImageFacts {
  kind: "image";
  id: string;
  name: string;
  status: string;
  diskFormat: string | null;
  size: number | null;
  virtualSize: number | null;
  minDisk: number;
  minRam: number;
  /** image_type=snapshot (an instance snapshot). */
  instanceSnapshot: boolean;
  /** Location URLs (direct_url + locations) Glance showed; null when it showed none to this caller. */
  locations: string[] | null;
  /** A volume-backed instance snapshot: no data, a block_device_mapping property pointing at a Cinder snapshot. */
  volumeBacked: { snapshotId: string | null; volumeSize: number | null } | null;
}
export interface VolumeFacts {
  kind: "volume";
  id: string;
  name: string;
  status: string;
  size: number;
  bootable: boolean;
  volumeType: string | null;
  attachedTo: string[];
  multiattach: boolean;
}
export interface VolumeSnapshotFacts {
  kind: "volume-snapshot";
  id: string;
  name: string;
  status: string;
  size: number;
  volumeId: string;
}
export type SourceFacts = ImageFacts | VolumeFacts | VolumeSnapshotFacts;

export interface FlavorFacts {
  id: string;
  name: string;
  vcpus: number;
  ram: number;
  disk: number;
}

/** This cloud's own Ceph cluster id, and how it was found (or why it could not be). */
export interface ClusterFacts {
  fsid: string | null;
  evidence: string;
}
/** Whether pool/image@snap opens on this cluster (Ceph Dashboard lookup): a verdict and a code, never Ceph's text. */
export interface SnapshotProbe {
  status: CheckStatus;
  code: string;
  evidence: string;
  /** When the snapshot opened: how many clones read from it now (its children on the dashboard). */
  clones?: number;
}
/**
 * What the BFF's Ceph service account found at images/<image id>, where Glance's RBD store keeps an image of this
 * cluster: `found` with whether its `snap` exists and is protected, `absent` (not in this cluster), or `unknown`
 * (the dashboard could not be asked). Settles "same cluster" and "snapshot readable" for a caller who cannot see
 * the image's location, without showing it.
 */
export interface StoreProbe {
  status: "found" | "absent" | "unknown";
  snap: "protected" | "unprotected" | "missing" | null;
  code: string;
}

export interface QuotaLine {
  limit: number;
  inUse: number;
}
export interface QuotaFacts {
  compute: { instances: QuotaLine; cores: QuotaLine; ram: QuotaLine } | null;
  /** Cinder's quota set with usage: volumes, gigabytes, volumes_<type>, gigabytes_<type>, per_volume_gigabytes. */
  volume: Record<string, QuotaLine> | null;
}
