import { probeSystem } from "../../features/system/probe";
import type { AppRouteHandler } from "../../lib/types";
import type { ListRoute } from "./system.routes";

export const list: AppRouteHandler<ListRoute> = async (c) => {
  const s = c.get("session");
  const services = await probeSystem(c.get("services").http, s.catalog, s.region, s.interface, s.token, s.projectId);
  return c.json({ services }, 200);
};
