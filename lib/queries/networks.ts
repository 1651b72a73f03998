import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api, type ApiClient } from "@/lib/api/client";
import { request } from "@/lib/api/errors";
import type { components, paths } from "@/lib/api/schema";
import { STABLE_REFRESH_MS, live } from "./live";

export type NetworkSummary = components["schemas"]["NetworkSummary"];
export type NetworkList = components["schemas"]["NetworkList"];
export type NetworkFilter = NonNullable<paths["/api/networks"]["get"]["parameters"]["query"]>;

export const networkKeys = {
  all: ["networks"] as const,
  lists: () => [...networkKeys.all, "list"] as const,
  list: (f: NetworkFilter) => [...networkKeys.lists(), f] as const,
};

export const networkQueries = {
  list: (f: NetworkFilter, client: ApiClient = api) =>
    queryOptions({
      queryKey: networkKeys.list(f),
      queryFn: ({ signal }): Promise<NetworkList> => request(client.GET("/api/networks", { params: { query: f }, signal })),
      placeholderData: keepPreviousData,
      staleTime: 15_000,
      ...live,
      refetchInterval: STABLE_REFRESH_MS,
    }),
};

export const useNetworks = (f: NetworkFilter) => useQuery(networkQueries.list(f));
