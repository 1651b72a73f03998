import { z } from "@hono/zod-openapi";
import { listQuery, PageMeta, ResourceId, UnavailableSchema } from "../../lib/list-schemas";
import {
  VolumeAttachFields,
  VolumeCreateFields,
  VolumeExtendFields,
  VolumeRetypeFields,
  VolumeSnapshotFields,
} from "../../../lib/schemas/volumes";
import { VOLUME_ACTIONS } from "./action-policy";

export const VOLUME_SORTS = ["created", "name", "size", "status"] as const;

export const VolumeListQuery = listQuery(VOLUME_SORTS, "created", "desc").extend({
  status: z
    .enum([
      "available",
      "in-use",
      "creating",
      "downloading",
      "error",
      "deleting",
      "attaching",
      "detaching",
      "reserved",
      "maintenance",
      "extending",
    ])
    .optional()
    .openapi({ description: "Cinder's status filter" }),
});

export const VolumeSummarySchema = z
  .object({
    id: z.string(),
    name: z.string().nullable(),
    sizeGiB: z.number(),
    status: z.string().openapi({ example: "in-use" }),
    type: z.string().nullable(),
    bootable: z.boolean(),
    attachments: z.array(z.object({ serverId: z.string(), serverName: z.string().nullable(), device: z.string().nullable() })),
    sourceImage: z
      .object({ id: z.string().nullable(), name: z.string().nullable(), diskFormat: z.string().nullable() })
      .nullable()
      .openapi({ description: "From volume_image_metadata: the image this volume was created from" }),
    created: z.string(),
    transient: z.boolean(),
  })
  .openapi("VolumeSummary");

export const VolumeListSchema = z
  .object({ items: z.array(VolumeSummarySchema), ...PageMeta, unavailable: UnavailableSchema })
  .openapi("VolumeList");

export type VolumeListParams = z.infer<typeof VolumeListQuery>;
export type VolumeSummary = z.infer<typeof VolumeSummarySchema>;

// ---- One volume, its snapshots, and the actions (issue 13) ----

export const VolumeIdParams = z.object({ id: ResourceId.openapi({ param: { name: "id", in: "path" } }) });

export const VolumeActionName = z.enum(VOLUME_ACTIONS).openapi("VolumeActionName");
export const VolumeActionStateSchema = z
  .object({
    action: VolumeActionName,
    enabled: z.boolean(),
    reason: z.enum(["attached", "has_snapshots", "not_attached", "busy", "deleting"]).nullable(),
    message: z.string().nullable().openapi({ example: "Delete: the volume has 2 snapshot(s); delete them first" }),
    params: z.object({ status: z.string(), attachments: z.number(), snapshots: z.number() }),
  })
  .openapi("VolumeActionState");

export const VolumeSnapshotSchema = z
  .object({
    id: z.string(),
    name: z.string().nullable(),
    status: z.string(),
    sizeGiB: z.number(),
    volumeId: z.string(),
    created: z.string(),
  })
  .openapi("VolumeSnapshot");

export const VolumeSnapshotListSchema = z
  .object({ items: z.array(VolumeSnapshotSchema), truncated: z.boolean() })
  .openapi("VolumeSnapshotList");

export const VolumeDetailSchema = VolumeSummarySchema.extend({
  description: z.string().nullable(),
  source: z
    .object({ type: z.enum(["blank", "image", "snapshot", "volume"]), id: z.string().nullable() })
    .openapi({ description: "What the volume was made from: snapshot_id, source_volid, volume_image_metadata.image_id, or nothing" }),
  imageMetadata: z.record(z.string(), z.string()).openapi({ description: "Cinder's volume_image_metadata, verbatim (empty when none)" }),
  availabilityZone: z.string().nullable(),
  multiattach: z.boolean(),
  snapshots: z.array(VolumeSnapshotSchema),
  actions: z
    .array(VolumeActionStateSchema)
    .openapi({ description: "Each action enabled, or disabled with the reason; the routes enforce the same" }),
  unavailable: UnavailableSchema,
}).openapi("VolumeDetail");

export const VolumeTypeSchema = z
  .object({ id: z.string(), name: z.string(), description: z.string().nullable(), isDefault: z.boolean() })
  .openapi("VolumeType");
export const VolumeTypeListSchema = z.object({ items: z.array(VolumeTypeSchema) }).openapi("VolumeTypeList");

export const VolumeCreateRequest = VolumeCreateFields.openapi("VolumeCreateRequest", {
  example: { name: "data-1", source: { type: "image", id: "0f2b5d4e-3a1c-4b7e-9a55-1c2d3e4f5a6b" }, sizeGiB: 10 },
});
export const VolumeExtendRequest = VolumeExtendFields.openapi("VolumeExtendRequest");
export const VolumeRetypeRequest = VolumeRetypeFields.openapi("VolumeRetypeRequest");
export const VolumeSnapshotRequest = VolumeSnapshotFields.openapi("VolumeSnapshotRequest");
export const VolumeAttachRequest = VolumeAttachFields.openapi("VolumeAttachRequest");
export const VolumeAccepted = z
  .object({ id: z.string(), status: z.string().openapi({ description: "The status Cinder answered with, or the one it had" }) })
  .openapi("VolumeAccepted");

export type VolumeAction = (typeof VOLUME_ACTIONS)[number];
export type VolumeActionState = z.infer<typeof VolumeActionStateSchema>;
export type VolumeDisabledReason = NonNullable<VolumeActionState["reason"]>;
export type VolumeDetail = z.infer<typeof VolumeDetailSchema>;
export type VolumeSnapshot = z.infer<typeof VolumeSnapshotSchema>;
export type VolumeCreate = z.infer<typeof VolumeCreateRequest>;
