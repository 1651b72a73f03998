import { allocateFloatingIp, associateFloatingIp, listFloatingIps } from "../../features/floating-ips/floating-ips";
import type { AppRouteHandler } from "../../lib/types";
import type { AllocateRoute, AssociateRoute, ListRoute, ReleaseRoute } from "./floating-ips.routes";

export const list: AppRouteHandler<ListRoute> = async (c) => c.json(await listFloatingIps(c.get("clients")), 200);

export const allocate: AppRouteHandler<AllocateRoute> = async (c) =>
  c.json(await allocateFloatingIp(c.get("clients"), c.req.valid("json")), 201);

export const associate: AppRouteHandler<AssociateRoute> = async (c) =>
  c.json(await associateFloatingIp(c.get("clients"), c.req.valid("param").id, c.req.valid("json").portId), 200);

export const release: AppRouteHandler<ReleaseRoute> = async (c) => {
  await c.get("clients").neutron.deleteFloatingIp(c.req.valid("param").id);
  return c.body(null, 204);
};
