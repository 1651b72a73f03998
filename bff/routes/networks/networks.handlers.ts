import { ApiError, notFound } from "../../errors";
import { createNetwork, createPort as createNetworkPort } from "../../features/networks/create-network";
import { listNetworks } from "../../features/networks/list-networks";
import { toPortSummary } from "../../features/networks/map-port";
import { networkDetail } from "../../features/networks/network-detail";
import type { AppRouteHandler } from "../../lib/types";
import type { CreatePortRoute, CreateRoute, GetOneRoute, ListRoute, RemovePortRoute, RemoveRoute } from "./networks.routes";

export const list: AppRouteHandler<ListRoute> = async (c) => {
  const s = c.get("session");
  return c.json(await listNetworks(c.get("clients").neutron, s.projectId, c.req.valid("query")), 200);
};

export const create: AppRouteHandler<CreateRoute> = async (c) =>
  c.json(await createNetwork(c.get("clients").neutron, c.get("session").projectId, c.req.valid("json")), 201);

export const getOne: AppRouteHandler<GetOneRoute> = async (c) =>
  c.json(await networkDetail(c.get("clients").neutron, c.get("session").projectId, c.req.valid("param").id), 200);

export const remove: AppRouteHandler<RemoveRoute> = async (c) => {
  await c.get("clients").neutron.deleteNetwork(c.req.valid("param").id);
  return c.body(null, 204);
};

export const createPort: AppRouteHandler<CreatePortRoute> = async (c) => {
  const { id } = c.req.valid("param");
  const neutron = c.get("clients").neutron;
  await createNetworkPort(neutron, id, c.req.valid("json"));
  return c.json(await networkDetail(neutron, c.get("session").projectId, id), 201);
};

/** Only a port of this network, and only a free one: an instance's or a router's port goes with its owner. */
export const removePort: AppRouteHandler<RemovePortRoute> = async (c) => {
  const { id, portId } = c.req.valid("param");
  const neutron = c.get("clients").neutron;
  const [port] = await neutron.ports({ id: portId, network_id: id });
  if (!port) throw notFound(`Network ${id} has no port ${portId}.`, "param.portId");
  const summary = toPortSummary(port);
  if (!summary.deletable)
    throw new ApiError(409, "port_not_deletable", `Port ${portId} belongs to its ${summary.kind}; remove it there.`, {
      details: { reason: summary.reason, kind: summary.kind, deviceId: port.device_id },
    });
  await neutron.deletePort(portId);
  return c.body(null, 204);
};
