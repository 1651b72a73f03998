import { quotaUsage } from "../../features/overview/quota-usage";
import type { AppRouteHandler } from "../../lib/types";
import type { QuotasRoute } from "./quotas.routes";

export const quotas: AppRouteHandler<QuotasRoute> = async (c) => {
  const clients = c.get("clients");
  return c.json(await quotaUsage(clients, c.get("session").projectId), 200);
};
