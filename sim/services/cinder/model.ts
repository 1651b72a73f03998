import type { SimState } from "../../core/state";
import { stableId } from "../keystone/model";

export interface Attachment {
  attachmentId: string;
  serverId: string;
  device: string;
  attachedAt: number;
  hostName: string;
}

/** How the volume's data came to be: decides its status timeline and its RBD image. */
export type VolumePath = "blank" | "clone" | "copy" | "snapshot" | "source";

export interface Volume {
  id: string;
  projectId: string;
  userId: string;
  name: string | null;
  description: string | null;
  size: number; // GiB
  typeId: string;
  availabilityZone: string;
  created: number;
  path: VolumePath;
  /** Wall-clock ms: `creating` until creatingUntil; on the copy path `downloading` until downloadingUntil. */
  creatingUntil: number;
  downloadingUntil: number | null;
  /** Why it did not clone (copy path), in the driver's words. */
  cloneReason?: string;
  imageId: string | null;
  imageMetadata: Record<string, string> | null;
  snapshotId: string | null;
  sourceVolid: string | null;
  bootable: boolean;
  metadata: Record<string, string>;
  attachments: Attachment[];
  /** The copy failed (e.g. qemu-img could not read the image): `error` from this wall-clock time on. */
  errorAt?: number;
  /** A fixed status (error, deleting, ...) overriding the timeline. */
  forcedStatus?: string;
  /** Removed at this wall-clock time (e.g. nova deleting a delete_on_termination volume after a failed build). */
  deleteAt?: number;
  host: string;
  /** os-update_readonly_flag: the admin metadata "readonly". */
  readonly?: boolean;
  /** After a migration Cinder keeps the volume's id and names its data after the migration's volume: volume-<name_id>. */
  nameId?: string | null;
}

export interface Snapshot {
  id: string;
  projectId: string;
  userId: string;
  volumeId: string;
  name: string | null;
  description: string | null;
  size: number;
  created: number;
  readyAt: number;
  metadata: Record<string, string>;
}

export interface VolumeType {
  id: string;
  name: string;
  description: string | null;
  isPublic: boolean;
  extraSpecs: Record<string, string>;
}

export const volumes = (s: SimState) => s.store.collection<Volume>("cinder.volume");
export const snapshots = (s: SimState) => s.store.collection<Snapshot>("cinder.snapshot");
export const volumeTypes = (s: SimState) => s.store.collection<VolumeType>("cinder.type");
export const quotaSets = (s: SimState) => s.store.collection<{ id: string; limits: Record<string, number> }>("cinder.quota");

export const DEFAULT_TYPE_NAME = "__DEFAULT__";
export const BACKEND_HOST = "cinder-volume@ceph#ceph";
export const rbdVolumeName = (id: string) => `volume-${id}`;
/** The RBD image a volume's data lives in (volume-<name_id> after a migration). */
export const volumeImageName = (v: Pick<Volume, "id" | "nameId">) => rbdVolumeName(v.nameId || v.id);
export const rbdSnapName = (id: string) => `snapshot-${id}`;

/** The volume types every scenario has: Cinder's __DEFAULT__ plus two Ceph-backed types. */
export function seedVolumeTypes(state: SimState): void {
  const t = volumeTypes(state);
  t.put({
    id: stableId("voltype", DEFAULT_TYPE_NAME),
    name: DEFAULT_TYPE_NAME,
    description: "Default Volume Type",
    isPublic: true,
    extraSpecs: {},
  });
  t.put({
    id: stableId("voltype", "ceph-ssd"),
    name: "ceph-ssd",
    description: "RBD on the SSD pool",
    isPublic: true,
    extraSpecs: { volume_backend_name: "ceph" },
  });
  t.put({
    id: stableId("voltype", "ceph-hdd"),
    name: "ceph-hdd",
    description: "RBD on the HDD pool",
    isPublic: true,
    extraSpecs: { volume_backend_name: "ceph" },
  });
}

export const findType = (state: SimState, ref: string | null | undefined): VolumeType | undefined => {
  const t = volumeTypes(state);
  if (!ref) return t.find((x) => x.name === DEFAULT_TYPE_NAME);
  return t.get(ref) ?? t.find((x) => x.name === ref);
};
