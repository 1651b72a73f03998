import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, type ApiClient } from "@/lib/api/client";
import { request } from "@/lib/api/errors";
import type { Catalog } from "@/lib/api/types";
import type { components } from "@/lib/api/schema";
import { STABLE_REFRESH_MS, live } from "./live";

export const overviewKeys = {
  all: ["overview"] as const,
  list: () => [...overviewKeys.all, "list"] as const,
  quotas: () => [...overviewKeys.all, "quotas"] as const,
  recentActions: () => [...overviewKeys.all, "recent-actions"] as const,
};
export type RecentActions = components["schemas"]["RecentActions"];
export type QuotaUsage = components["schemas"]["QuotaUsage"];
export type QuotaBar = components["schemas"]["QuotaBar"];

export const overviewQueries = {
  list: (client: ApiClient = api) =>
    queryOptions({
      queryKey: overviewKeys.list(),
      queryFn: async ({ signal }): Promise<Catalog> => request(client.GET("/api/catalog", { signal })),
    }),
  quotas: (client: ApiClient = api) =>
    queryOptions({
      queryKey: overviewKeys.quotas(),
      queryFn: async ({ signal }): Promise<QuotaUsage> => request(client.GET("/api/overview/quotas", { signal })),
      ...live,
      refetchInterval: STABLE_REFRESH_MS,
    }),
};

export const useQuotaUsage = () => useQuery(overviewQueries.quotas());
export const useRecentActions = () =>
  useQuery(
    queryOptions({
      queryKey: overviewKeys.recentActions(),
      queryFn: async ({ signal }): Promise<RecentActions> => request(api.GET("/api/overview/recent-actions", { signal })),
      ...live,
      refetchInterval: STABLE_REFRESH_MS,
    }),
  );

export const useOverview = () => useQuery(overviewQueries.list());
