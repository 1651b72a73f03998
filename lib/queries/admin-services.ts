import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, type ApiClient } from "@/lib/api/client";
import { request } from "@/lib/api/errors";
import type { AdminServices } from "@/lib/api/types";

export const adminServiceKeys = {
  all: ["admin-services"] as const,
  list: () => [...adminServiceKeys.all, "list"] as const,
};

export const adminServiceQueries = {
  /** Probes every catalog endpoint; slow-ish, so it is refreshed on demand rather than on focus. */
  list: (client: ApiClient = api) =>
    queryOptions({
      queryKey: adminServiceKeys.list(),
      queryFn: async ({ signal }): Promise<AdminServices> =>
        request(client.GET("/api/admin/services", { signal })),
      staleTime: 30_000,
    }),
};

export const useAdminServices = () => useQuery(adminServiceQueries.list());
