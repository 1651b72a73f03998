import { listVolumes } from "../../features/volumes/list-volumes";
import { volumeDetail, volumeSnapshots } from "../../features/volumes/volume-detail";
import {
  attachVolume,
  createVolume,
  deleteVolume,
  deleteVolumeSnapshot,
  detachVolume,
  extendVolume,
  retypeVolume,
  snapshotVolume,
} from "../../features/volumes/volume-ops";
import { volumeTypes } from "../../features/volumes/volume-types";
import type { AppRouteHandler } from "../../lib/types";
import type * as R from "./volumes.routes";

export const list: AppRouteHandler<R.ListRoute> = async (c) => c.json(await listVolumes(c.get("clients"), c.req.valid("query")), 200);

export const getOne: AppRouteHandler<R.GetOneRoute> = async (c) =>
  c.json(await volumeDetail(c.get("clients"), c.req.valid("param").id), 200);

export const create: AppRouteHandler<R.CreateRoute> = async (c) => c.json(await createVolume(c.get("clients"), c.req.valid("json")), 202);

export const extend: AppRouteHandler<R.ExtendRoute> = async (c) =>
  c.json(await extendVolume(c.get("clients").cinder, c.req.valid("param").id, c.req.valid("json").newSizeGiB), 202);

export const retype: AppRouteHandler<R.RetypeRoute> = async (c) =>
  c.json(await retypeVolume(c.get("clients").cinder, c.req.valid("param").id, c.req.valid("json")), 202);

export const snapshot: AppRouteHandler<R.SnapshotRoute> = async (c) =>
  c.json(await snapshotVolume(c.get("clients").cinder, c.req.valid("param").id, c.req.valid("json")), 202);

export const attach: AppRouteHandler<R.AttachRoute> = async (c) =>
  c.json(await attachVolume(c.get("clients"), c.req.valid("param").id, c.req.valid("json").serverId), 202);

export const detach: AppRouteHandler<R.DetachRoute> = async (c) =>
  c.json(await detachVolume(c.get("clients"), c.req.valid("param").id), 202);

export const remove: AppRouteHandler<R.RemoveRoute> = async (c) =>
  c.json(await deleteVolume(c.get("clients").cinder, c.req.valid("param").id), 202);

export const removeSnapshot: AppRouteHandler<R.RemoveSnapshotRoute> = async (c) =>
  c.json(await deleteVolumeSnapshot(c.get("clients").cinder, c.req.valid("param").id), 202);

export const types: AppRouteHandler<R.TypesRoute> = async (c) => c.json(await volumeTypes(c.get("clients").cinder), 200);

export const snapshots: AppRouteHandler<R.SnapshotsRoute> = async (c) => c.json(await volumeSnapshots(c.get("clients").cinder), 200);
