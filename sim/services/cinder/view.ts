import { cinderTime } from "../../core/clock";
import { atLeast, type Version } from "../common/microversion";
import { volumeTypes, type Snapshot, type Volume, type VolumeType } from "./model";
import { glanceMetaRecorded, snapshotStatus, volumeStatus, volumeUpdated } from "./status";
import type { SimState } from "../../core/state";

export interface ViewCtx {
  state: SimState;
  v: Version;
  admin: boolean;
  now: number;
  base: string;
}

const links = (c: ViewCtx, project: string, kind: string, id: string) => [
  { href: `${c.base}/volume/v3/${project}/${kind}/${id}`, rel: "self" },
  { href: `${c.base}/volume/${project}/${kind}/${id}`, rel: "bookmark" },
];

export const volumeSummary = (c: ViewCtx, vol: Volume) => ({
  id: vol.id,
  links: links(c, vol.projectId, "volumes", vol.id),
  name: vol.name,
});

/** The detail view (cinder/api/v3/views/volumes.py) plus the admin extension attributes and volume_image_metadata. */
export function volumeDetail(c: ViewCtx, vol: Volume, opts: { create?: boolean } = {}): Record<string, unknown> {
  const type: VolumeType | undefined = volumeTypes(c.state).get(vol.typeId);
  // The create response is the object as the API wrote it: always `creating`, never updated.
  const updated = opts.create ? null : volumeUpdated(vol, c.now);
  const status = opts.create ? "creating" : volumeStatus(vol, c.now);
  const recorded = !opts.create && glanceMetaRecorded(vol, c.now);
  const body: Record<string, unknown> = {
    attachments: vol.attachments
      .filter((a) => a.attachedAt <= c.now)
      .map((a) => ({
        server_id: a.serverId,
        attachment_id: a.attachmentId,
        attached_at: cinderTime(a.attachedAt),
        host_name: c.admin ? a.hostName : null,
        volume_id: vol.id,
        device: a.device,
        id: vol.id,
      })),
    availability_zone: vol.availabilityZone,
    bootable: vol.bootable && recorded ? "true" : "false",
    consistencygroup_id: null,
    created_at: cinderTime(vol.created),
    description: vol.description,
    encrypted: false,
    id: vol.id,
    links: links(c, vol.projectId, "volumes", vol.id),
    metadata: vol.metadata,
    migration_status: null,
    multiattach: false,
    name: vol.name,
    replication_status: null,
    size: vol.size,
    snapshot_id: vol.snapshotId,
    source_volid: vol.sourceVolid,
    status,
    updated_at: updated === null ? null : cinderTime(updated),
    user_id: vol.userId,
    volume_type: type?.name ?? null,
  };
  if (atLeast(c.v, "3.13")) body.group_id = null;
  if (atLeast(c.v, "3.21") && c.admin) body.provider_id = null;
  if (atLeast(c.v, "3.48")) {
    body.service_uuid = status === "creating" ? null : "8f7a1a1e-0c1e-4b6a-9b55-1f0c2f3e4d5a";
    body.shared_targets = false;
  }
  if (atLeast(c.v, "3.61") && c.admin) body.cluster_name = null;
  if (atLeast(c.v, "3.63")) body.volume_type_id = vol.typeId;
  if (atLeast(c.v, "3.65")) body.consumes_quota = true;
  if (!opts.create) {
    if (c.admin) {
      body["os-vol-host-attr:host"] = vol.host;
      body["os-vol-tenant-attr:tenant_id"] = vol.projectId;
      body["os-vol-mig-status-attr:migstat"] = null;
      body["os-vol-mig-status-attr:name_id"] = vol.nameId ?? null;
    }
    // Cinder writes the glance metadata at the end of create-from-image (_handle_bootable_volume_glance_meta):
    // while the clone or the download/convert/import runs, the volume has none yet.
    if (vol.imageMetadata && status !== "creating" && status !== "downloading") body.volume_image_metadata = vol.imageMetadata;
  }
  return body;
}

export function snapshotView(c: ViewCtx, s: Snapshot): Record<string, unknown> {
  const body: Record<string, unknown> = {
    id: s.id,
    created_at: cinderTime(s.created),
    updated_at: c.now >= s.readyAt ? cinderTime(s.readyAt) : null,
    name: s.name,
    description: s.description,
    volume_id: s.volumeId,
    status: snapshotStatus(s, c.now),
    size: s.size,
    metadata: s.metadata,
    "os-extended-snapshot-attributes:progress": c.now >= s.readyAt ? "100%" : "0%",
    "os-extended-snapshot-attributes:project_id": s.projectId,
  };
  if (atLeast(c.v, "3.14")) body.group_snapshot_id = null;
  if (atLeast(c.v, "3.41")) body.user_id = s.userId;
  if (atLeast(c.v, "3.65")) body.consumes_quota = true;
  return body;
}

export const typeView = (admin: boolean, t: VolumeType) => ({
  id: t.id,
  name: t.name,
  description: t.description,
  is_public: t.isPublic,
  qos_specs_id: null,
  "os-volume-type-access:is_public": t.isPublic,
  ...(admin ? { extra_specs: t.extraSpecs } : {}),
});
