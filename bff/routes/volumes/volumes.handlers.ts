import { listVolumes } from "../../features/volumes/list-volumes";
import type { AppRouteHandler } from "../../lib/types";
import { createCinder } from "../../openstack/cinder";
import { createNova } from "../../openstack/nova";
import type { ListRoute } from "./volumes.routes";

export const list: AppRouteHandler<ListRoute> = async (c) => {
  const { http } = c.get("services");
  const s = c.get("session");
  return c.json(await listVolumes({ cinder: createCinder(http, s), nova: createNova(http, s) }, c.req.valid("query")), 200);
};
