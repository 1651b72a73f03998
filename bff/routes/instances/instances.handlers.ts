import { instanceDetail } from "../../features/instances/instance-detail";
import { instancePorts } from "../../features/instances/instance-ports";
import { listInstances } from "../../features/instances/list-instances";
import { runInstanceAction } from "../../features/instances/run-action";
import type { AppRouteHandler } from "../../lib/types";
import type {
  ActionLogRoute,
  ActionRoute,
  AttachPortRoute,
  AttachVolumeRoute,
  ConsoleLogRoute,
  DetachPortRoute,
  DetachVolumeRoute,
  GetOneRoute,
  ListRoute,
  PortsRoute,
  RemoteConsoleRoute,
  RemoveRoute,
  SnapshotRoute,
  SnapshotsRoute,
} from "./instances.routes";
import * as ops from "../../features/instances/instance-ops";

export const list: AppRouteHandler<ListRoute> = async (c) => c.json(await listInstances(c.get("clients"), c.req.valid("query")), 200);

export const getOne: AppRouteHandler<GetOneRoute> = async (c) =>
  c.json(await instanceDetail(c.get("clients"), c.req.valid("param").id), 200);

export const action: AppRouteHandler<ActionRoute> = async (c) =>
  c.json(await runInstanceAction(c.get("clients").nova, c.req.valid("param").id, c.req.valid("json")), 202);

export const remove: AppRouteHandler<RemoveRoute> = async (c) =>
  c.json(await runInstanceAction(c.get("clients").nova, c.req.valid("param").id, { action: "delete" }), 202);

const nova = (c: Parameters<AppRouteHandler<PortsRoute>>[0]) => c.get("clients").nova;

export const snapshot: AppRouteHandler<SnapshotRoute> = async (c) =>
  c.json(await ops.snapshotInstance(nova(c), c.req.valid("param").id, c.req.valid("json").name), 202);

export const remoteConsole: AppRouteHandler<RemoteConsoleRoute> = async (c) =>
  c.json(await ops.openRemoteConsole(nova(c), c.req.valid("param").id, c.req.valid("json").protocol), 200);

export const consoleLog: AppRouteHandler<ConsoleLogRoute> = async (c) =>
  c.json(await ops.consoleLog(nova(c), c.req.valid("param").id, c.req.valid("query").lines), 200);

export const actionLog: AppRouteHandler<ActionLogRoute> = async (c) =>
  c.json(await ops.actionLog(nova(c), c.req.valid("param").id, c.get("session").body.user.id), 200);

export const ports: AppRouteHandler<PortsRoute> = async (c) => c.json(await instancePorts(c.get("clients"), c.req.valid("param").id), 200);

export const attachPort: AppRouteHandler<AttachPortRoute> = async (c) =>
  c.json(await ops.attachPort(nova(c), c.req.valid("param").id, c.req.valid("json")), 200);

export const detachPort: AppRouteHandler<DetachPortRoute> = async (c) => {
  const p = c.req.valid("param");
  return c.json(await ops.detachPort(nova(c), p.id, p.portId), 202);
};

export const attachVolume: AppRouteHandler<AttachVolumeRoute> = async (c) =>
  c.json(await ops.attachVolume(nova(c), c.req.valid("param").id, c.req.valid("json").volumeId), 200);

export const detachVolume: AppRouteHandler<DetachVolumeRoute> = async (c) => {
  const p = c.req.valid("param");
  return c.json(await ops.detachVolume(nova(c), p.id, p.volumeId), 202);
};

export const snapshots: AppRouteHandler<SnapshotsRoute> = async (c) =>
  c.json(await ops.instanceSnapshots(c.get("clients"), c.req.valid("param").id), 200);
