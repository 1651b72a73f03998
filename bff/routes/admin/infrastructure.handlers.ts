import { infrastructure } from "../../features/infrastructure/infrastructure";
import type { AppRouteHandler } from "../../lib/types";
import type { GetInfrastructureRoute } from "./infrastructure.routes";

export const getInfrastructure: AppRouteHandler<GetInfrastructureRoute> = async (c) => {
  const clients = c.get("clients");
  return c.json(await infrastructure(clients.nova, clients.cinder), 200);
};
