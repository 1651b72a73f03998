import { createRoute, type z } from "@hono/zod-openapi";
import { errorResponses, ErrorSchema } from "../../errors";
import {
  ActionLogSchema,
  AttachPortRequest,
  AttachVolumeRequest,
  ConsoleLogQuery,
  ConsoleLogSchema,
  Detached,
  InstancePortSchema,
  InstancePortsSchema,
  PortIdParams,
  RemoteConsoleRequest,
  RemoteConsoleSchema,
  SnapshotAccepted,
  SnapshotRequest,
  VolumeAttached,
  VolumeIdParams,
  InstanceActionAccepted,
  InstanceSnapshotsSchema,
  InstanceActionRequest,
  InstanceDetailSchema,
  InstanceIdParams,
  InstanceListQuery,
  InstanceListSchema,
} from "../../features/instances/schema";

const tags = ["instances"];
const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({ content: { "application/json": { schema } }, description });
const notFound = json(ErrorSchema, "Nova does not know this instance (or it belongs to another project)");
const refused = json(
  ErrorSchema,
  "The action is not allowed in the instance's current state; `message` says why (code `action_not_allowed`)",
);

export const list = createRoute({
  method: "get",
  path: "/instances",
  tags,
  summary: "A page of the project's instances: status, task state, image, flavor, addresses",
  request: { query: InstanceListQuery },
  responses: { 200: json(InstanceListSchema, "A page of instances"), ...errorResponses },
});

export const getOne = createRoute({
  method: "get",
  path: "/instances/{id}",
  tags,
  summary: "One instance with Nova's fault verbatim, its volumes, and which actions it allows now (with reasons)",
  request: { params: InstanceIdParams },
  responses: { 200: json(InstanceDetailSchema, "The instance"), 404: notFound, ...errorResponses },
});

export const action = createRoute({
  method: "post",
  path: "/instances/{id}/actions",
  tags,
  summary:
    "Start, stop, (hard) reboot, resize (with flavorId), confirm or revert a resize, rebuild (with imageId), shelve, unshelve, " +
    "rescue, unrescue, lock or unlock (checked against the policy first; never retried)",
  request: { params: InstanceIdParams, body: { content: { "application/json": { schema: InstanceActionRequest } }, required: true } },
  responses: { 202: json(InstanceActionAccepted, "Nova accepted the action"), 404: notFound, 409: refused, ...errorResponses },
});

export const remove = createRoute({
  method: "delete",
  path: "/instances/{id}",
  tags,
  summary: "Delete the instance (never retried)",
  request: { params: InstanceIdParams },
  responses: { 202: json(InstanceActionAccepted, "Nova accepted the delete"), 404: notFound, 409: refused, ...errorResponses },
});

const body = <T extends z.ZodTypeAny>(schema: T) => ({ content: { "application/json": { schema } }, required: true });

export const snapshot = createRoute({
  method: "post",
  path: "/instances/{id}/snapshots",
  tags,
  summary: "Create an instance snapshot (Nova createImage): a Glance image of type snapshot, shown in Lineage",
  request: { params: InstanceIdParams, body: body(SnapshotRequest) },
  responses: { 202: json(SnapshotAccepted, "Nova accepted the snapshot"), 404: notFound, 409: refused, ...errorResponses },
});

export const remoteConsole = createRoute({
  method: "post",
  path: "/instances/{id}/console",
  tags,
  summary: "A remote console URL (noVNC or SPICE) from the cloud's console proxy, to open in a new tab",
  request: { params: InstanceIdParams, body: body(RemoteConsoleRequest) },
  responses: { 200: json(RemoteConsoleSchema, "The console URL"), 404: notFound, 409: refused, ...errorResponses },
});

export const consoleLog = createRoute({
  method: "get",
  path: "/instances/{id}/console-log",
  tags,
  summary: "The last lines of the guest's serial log (os-getConsoleOutput)",
  request: { params: InstanceIdParams, query: ConsoleLogQuery },
  responses: { 200: json(ConsoleLogSchema, "The log"), 404: notFound, 409: refused, ...errorResponses },
});

export const actionLog = createRoute({
  method: "get",
  path: "/instances/{id}/action-log",
  tags,
  summary: "What was done to the instance, by whom and when (os-instance-actions)",
  request: { params: InstanceIdParams },
  responses: { 200: json(ActionLogSchema, "The actions, newest first"), 404: notFound, ...errorResponses },
});

export const ports = createRoute({
  method: "get",
  path: "/instances/{id}/ports",
  tags,
  summary: "The instance's network interfaces (os-interface)",
  request: { params: InstanceIdParams },
  responses: { 200: json(InstancePortsSchema, "The ports"), 404: notFound, ...errorResponses },
});

export const attachPort = createRoute({
  method: "post",
  path: "/instances/{id}/ports",
  tags,
  summary: "Attach an interface: a new port on a network, or an existing port (never retried)",
  request: { params: InstanceIdParams, body: body(AttachPortRequest) },
  responses: { 200: json(InstancePortSchema, "The attached port"), 404: notFound, 409: refused, ...errorResponses },
});

export const detachPort = createRoute({
  method: "delete",
  path: "/instances/{id}/ports/{portId}",
  tags,
  summary: "Detach an interface (Nova deletes a port it created, and unbinds one it was given)",
  request: { params: PortIdParams },
  responses: { 202: json(Detached, "Nova accepted the detach"), 404: notFound, 409: refused, ...errorResponses },
});

export const attachVolume = createRoute({
  method: "post",
  path: "/instances/{id}/volumes",
  tags,
  summary: "Attach an available volume (never retried)",
  request: { params: InstanceIdParams, body: body(AttachVolumeRequest) },
  responses: { 200: json(VolumeAttached, "The attachment"), 404: notFound, 409: refused, ...errorResponses },
});

export const detachVolume = createRoute({
  method: "delete",
  path: "/instances/{id}/volumes/{volumeId}",
  tags,
  summary: "Detach a volume (not the root volume of an instance booted from a volume)",
  request: { params: VolumeIdParams },
  responses: { 202: json(Detached, "Nova accepted the detach"), 404: notFound, 409: refused, ...errorResponses },
});

export const snapshots = createRoute({
  method: "get",
  path: "/instances/{id}/snapshots",
  tags,
  summary: "The instance snapshots taken of it (Glance images naming it in instance_uuid), for its Lineage tab",
  request: { params: InstanceIdParams },
  responses: { 200: json(InstanceSnapshotsSchema, "The snapshots"), 404: notFound, ...errorResponses },
});

export type ListRoute = typeof list;
export type GetOneRoute = typeof getOne;
export type ActionRoute = typeof action;
export type RemoveRoute = typeof remove;
export type SnapshotRoute = typeof snapshot;
export type RemoteConsoleRoute = typeof remoteConsole;
export type ConsoleLogRoute = typeof consoleLog;
export type ActionLogRoute = typeof actionLog;
export type PortsRoute = typeof ports;
export type AttachPortRoute = typeof attachPort;
export type DetachPortRoute = typeof detachPort;
export type AttachVolumeRoute = typeof attachVolume;
export type DetachVolumeRoute = typeof detachVolume;
export type SnapshotsRoute = typeof snapshots;
