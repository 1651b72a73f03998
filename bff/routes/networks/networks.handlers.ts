import { listNetworks } from "../../features/networks/list-networks";
import type { AppRouteHandler } from "../../lib/types";
import { createNeutron } from "../../openstack/neutron";
import type { ListRoute } from "./networks.routes";

export const list: AppRouteHandler<ListRoute> = async (c) => {
  const s = c.get("session");
  return c.json(await listNetworks(createNeutron(c.get("services").http, s), s.projectId, c.req.valid("query")), 200);
};
