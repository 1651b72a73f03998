import { createRouter, listRouters, routerSummary } from "../../features/routers/routers";
import type { AppRouteHandler } from "../../lib/types";
import type * as R from "./routers.routes";

export const list: AppRouteHandler<R.ListRoute> = async (c) =>
  c.json(await listRouters(c.get("clients").neutron, c.get("session").projectId), 200);

export const create: AppRouteHandler<R.CreateRoute> = async (c) =>
  c.json(await createRouter(c.get("clients").neutron, c.req.valid("json")), 201);

export const remove: AppRouteHandler<R.RemoveRoute> = async (c) => {
  await c.get("clients").neutron.deleteRouter(c.req.valid("param").id);
  return c.body(null, 204);
};

export const setGateway: AppRouteHandler<R.SetGatewayRoute> = async (c) => {
  const { id } = c.req.valid("param");
  const { externalNetworkId } = c.req.valid("json");
  const neutron = c.get("clients").neutron;
  await neutron.updateRouter(id, { external_gateway_info: externalNetworkId ? { network_id: externalNetworkId } : {} });
  return c.json(await routerSummary(neutron, id), 200);
};

export const addInterface: AppRouteHandler<R.AddInterfaceRoute> = async (c) => {
  const { id } = c.req.valid("param");
  const neutron = c.get("clients").neutron;
  await neutron.addRouterInterface(id, c.req.valid("json").subnetId);
  return c.json(await routerSummary(neutron, id), 200);
};

export const removeInterface: AppRouteHandler<R.RemoveInterfaceRoute> = async (c) => {
  const { id, subnetId } = c.req.valid("param");
  const neutron = c.get("clients").neutron;
  await neutron.removeRouterInterface(id, subnetId);
  return c.json(await routerSummary(neutron, id), 200);
};
