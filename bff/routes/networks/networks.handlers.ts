import { listNetworks } from "../../features/networks/list-networks";
import type { AppRouteHandler } from "../../lib/types";
import type { ListRoute } from "./networks.routes";

export const list: AppRouteHandler<ListRoute> = async (c) => {
  const s = c.get("session");
  return c.json(await listNetworks(c.get("clients").neutron, s.projectId, c.req.valid("query")), 200);
};
