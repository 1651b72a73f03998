import { quotaUsage } from "../../features/overview/quota-usage";
import type { AppRouteHandler } from "../../lib/types";
import type { QuotasRoute, RecentActionsRoute } from "./quotas.routes";
import { recentActions as listRecentActions } from "../../features/overview/recent-actions";

export const quotas: AppRouteHandler<QuotasRoute> = async (c) => {
  const clients = c.get("clients");
  return c.json(await quotaUsage(clients, c.get("session").projectId), 200);
};

export const recentActions: AppRouteHandler<RecentActionsRoute> = async (c) =>
  c.json(await listRecentActions(c.get("clients").nova, c.get("session").body.user.id), 200);
