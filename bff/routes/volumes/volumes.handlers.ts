import { listVolumes } from "../../features/volumes/list-volumes";
import type { AppRouteHandler } from "../../lib/types";
import type { ListRoute } from "./volumes.routes";

export const list: AppRouteHandler<ListRoute> = async (c) => c.json(await listVolumes(c.get("clients"), c.req.valid("query")), 200);
