import { createRoute, type z } from "@hono/zod-openapi";
import { errorResponses, ErrorSchema } from "../../errors";
import {
  VolumeAccepted,
  VolumeAttachRequest,
  VolumeCreateRequest,
  VolumeDetailSchema,
  VolumeExtendRequest,
  VolumeIdParams,
  VolumeListQuery,
  VolumeListSchema,
  VolumeRetypeRequest,
  VolumeSnapshotRequest,
  VolumeSnapshotListSchema,
  VolumeTypeListSchema,
} from "../../features/volumes/schema";

const tags = ["volumes"];
const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({ content: { "application/json": { schema } }, description });
const body = <T extends z.ZodTypeAny>(schema: T) => ({ content: { "application/json": { schema } }, required: true });
const notFound = json(ErrorSchema, "Cinder does not know this volume (or it belongs to another project)");
const refused = json(
  ErrorSchema,
  "Not allowed in the volume's current state (code `action_not_allowed`; `details.reason`: attached, has_snapshots, busy…)",
);
const accepted = (what: string) => json(VolumeAccepted, `${what}; never retried`);

export const list = createRoute({
  method: "get",
  path: "/volumes",
  tags,
  summary: "A page of the project's volumes: size, status, type, bootable, attachments and source image",
  request: { query: VolumeListQuery },
  responses: {
    200: { content: { "application/json": { schema: VolumeListSchema } }, description: "A page of volumes" },
    ...errorResponses,
  },
});

export const getOne = createRoute({
  method: "get",
  path: "/volumes/{id}",
  tags,
  summary: "One volume: its source, volume_image_metadata, attachments, snapshots and which actions it allows now (with reasons)",
  request: { params: VolumeIdParams },
  responses: { 200: json(VolumeDetailSchema, "The volume"), 404: notFound, ...errorResponses },
});

export const create = createRoute({
  method: "post",
  path: "/volumes",
  tags,
  summary: "Create a volume: blank, from an image, from a snapshot or from another volume (the form's own schema)",
  request: { body: body(VolumeCreateRequest) },
  responses: {
    202: accepted("Cinder accepted the volume (creating)"),
    404: json(ErrorSchema, "The source was not found"),
    ...errorResponses,
  },
});

export const extend = createRoute({
  method: "post",
  path: "/volumes/{id}/extend",
  tags,
  summary: "Extend the volume (os-extend; available, or in-use at 3.42+)",
  request: { params: VolumeIdParams, body: body(VolumeExtendRequest) },
  responses: { 202: accepted("Cinder accepted the extend"), 404: notFound, 409: refused, ...errorResponses },
});

export const retype = createRoute({
  method: "post",
  path: "/volumes/{id}/retype",
  tags,
  summary: "Change the volume's type (os-retype)",
  request: { params: VolumeIdParams, body: body(VolumeRetypeRequest) },
  responses: { 202: accepted("Cinder accepted the retype"), 404: notFound, 409: refused, ...errorResponses },
});

export const snapshot = createRoute({
  method: "post",
  path: "/volumes/{id}/snapshots",
  tags,
  summary: "Snapshot the volume (an RBD snapshot, protected, in the volumes pool)",
  request: { params: VolumeIdParams, body: body(VolumeSnapshotRequest) },
  responses: { 202: accepted("Cinder accepted the snapshot (creating)"), 404: notFound, 409: refused, ...errorResponses },
});

export const attach = createRoute({
  method: "post",
  path: "/volumes/{id}/attach",
  tags,
  summary: "Attach the volume to an instance (Nova os-volume_attachments)",
  request: { params: VolumeIdParams, body: body(VolumeAttachRequest) },
  responses: { 202: accepted("Nova accepted the attachment"), 404: notFound, 409: refused, ...errorResponses },
});

export const detach = createRoute({
  method: "post",
  path: "/volumes/{id}/detach",
  tags,
  summary: "Detach the volume from its instance(s) (Nova os-volume_attachments)",
  request: { params: VolumeIdParams },
  responses: { 202: accepted("Nova accepted the detachment"), 404: notFound, 409: refused, ...errorResponses },
});

export const remove = createRoute({
  method: "delete",
  path: "/volumes/{id}",
  tags,
  summary: "Delete the volume; refused with the reason while it is attached or has snapshots",
  request: { params: VolumeIdParams },
  responses: { 202: accepted("Cinder accepted the delete"), 404: notFound, 409: refused, ...errorResponses },
});

export const removeSnapshot = createRoute({
  method: "delete",
  path: "/volume-snapshots/{id}",
  tags,
  summary: "Delete a volume snapshot (Cinder keeps it, available, while a volume cloned from it still reads from it)",
  request: { params: VolumeIdParams },
  responses: { 202: accepted("Cinder accepted the delete"), 404: json(ErrorSchema, "No such snapshot"), ...errorResponses },
});

export const snapshots = createRoute({
  method: "get",
  path: "/volume-snapshots",
  tags,
  summary: "The project's volume snapshots (newest first), to create a volume from",
  responses: { 200: json(VolumeSnapshotListSchema, "The snapshots"), ...errorResponses },
});

export const types = createRoute({
  method: "get",
  path: "/volume-types",
  tags,
  summary: "The volume types the project may use, with Cinder's default marked",
  responses: { 200: json(VolumeTypeListSchema, "The volume types"), ...errorResponses },
});

export type ListRoute = typeof list;
export type GetOneRoute = typeof getOne;
export type CreateRoute = typeof create;
export type ExtendRoute = typeof extend;
export type RetypeRoute = typeof retype;
export type SnapshotRoute = typeof snapshot;
export type AttachRoute = typeof attach;
export type DetachRoute = typeof detach;
export type RemoveRoute = typeof remove;
export type RemoveSnapshotRoute = typeof removeSnapshot;
export type TypesRoute = typeof types;
export type SnapshotsRoute = typeof snapshots;
