import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, type ApiClient } from "@/lib/api/client";
import { request } from "@/lib/api/errors";
import type { Catalog } from "@/lib/api/types";

export const catalogKeys = {
  all: ["catalog"] as const,
  list: () => [...catalogKeys.all, "list"] as const,
};

export const catalogQueries = {
  list: (client: ApiClient = api) =>
    queryOptions({
      queryKey: catalogKeys.list(),
      queryFn: async ({ signal }): Promise<Catalog> =>
        request(client.GET("/api/catalog", { signal })),
    }),
};

export const useCatalog = () => useQuery(catalogQueries.list());
