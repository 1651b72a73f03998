import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, type ApiClient } from "@/lib/api/client";
import { request } from "@/lib/api/errors";
import type { components } from "@/lib/api/schema";
import { live } from "./live";

export type Flavor = components["schemas"]["Flavor"];

export const flavorKeys = { all: ["flavors"] as const, list: () => [...flavorKeys.all, "list"] as const };

export const flavorQueries = {
  list: (client: ApiClient = api) =>
    queryOptions({
      queryKey: flavorKeys.list(),
      queryFn: ({ signal }) => request(client.GET("/api/flavors", { signal })),
      staleTime: 300_000,
      ...live,
    }),
};
export const useFlavors = () => useQuery(flavorQueries.list());
