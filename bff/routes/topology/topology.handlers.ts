import { projectTopology } from "../../features/topology/topology";
import type { AppRouteHandler } from "../../lib/types";
import type { GetRoute } from "./topology.routes";

export const get: AppRouteHandler<GetRoute> = async (c) => c.json(await projectTopology(c.get("clients"), c.get("session").projectId), 200);
