import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, type ApiClient } from "@/lib/api/client";
import { request } from "@/lib/api/errors";
import type { components } from "@/lib/api/schema";
import { STABLE_REFRESH_MS, live } from "./live";

export type Infrastructure = components["schemas"]["Infrastructure"];

export const infrastructureKeys = { all: ["infrastructure"] as const };

export const infrastructureQueries = {
  get: (client: ApiClient = api) =>
    queryOptions({
      queryKey: infrastructureKeys.all,
      queryFn: ({ signal }): Promise<Infrastructure> => request(client.GET("/api/admin/infrastructure", { signal })),
      ...live,
      refetchInterval: STABLE_REFRESH_MS,
    }),
};

export const useInfrastructure = () => useQuery(infrastructureQueries.get());
