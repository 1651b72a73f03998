import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, type ApiClient } from "@/lib/api/client";
import { request } from "@/lib/api/errors";
import type { AdminServices } from "@/lib/api/types";

export const systemKeys = {
  all: ["system"] as const,
  list: () => [...systemKeys.all, "list"] as const,
};

export const systemQueries = {
  /** Probes every catalog endpoint; slow-ish, so it is refreshed on demand rather than on focus. */
  list: (client: ApiClient = api) =>
    queryOptions({
      queryKey: systemKeys.list(),
      queryFn: async ({ signal }): Promise<AdminServices> => request(client.GET("/api/admin/services", { signal })),
      staleTime: 30_000,
    }),
};

export const useSystem = () => useQuery(systemQueries.list());
