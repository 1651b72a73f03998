import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, type ApiClient } from "@/lib/api/client";
import { request } from "@/lib/api/errors";
import type { Catalog } from "@/lib/api/types";

export const overviewKeys = {
  all: ["overview"] as const,
  list: () => [...overviewKeys.all, "list"] as const,
};

export const overviewQueries = {
  list: (client: ApiClient = api) =>
    queryOptions({
      queryKey: overviewKeys.list(),
      queryFn: async ({ signal }): Promise<Catalog> => request(client.GET("/api/catalog", { signal })),
    }),
};

export const useOverview = () => useQuery(overviewQueries.list());
