import { listImages } from "../../features/images/list-images";
import type { AppRouteHandler } from "../../lib/types";
import { createGlance } from "../../openstack/glance";
import type { ListRoute } from "./images.routes";

export const list: AppRouteHandler<ListRoute> = async (c) =>
  c.json(await listImages(createGlance(c.get("services").http, c.get("session")), c.req.valid("query")), 200);
