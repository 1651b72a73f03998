import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, type ApiClient } from "@/lib/api/client";
import { request } from "@/lib/api/errors";
import type { components } from "@/lib/api/schema";
import { STABLE_REFRESH_MS, live } from "./live";

export type Topology = components["schemas"]["Topology"];
export type TopologyNode = components["schemas"]["TopologyNode"];

export const topologyKeys = { all: ["topology"] as const, graph: () => [...topologyKeys.all, "graph"] as const };

export const topologyQueries = {
  graph: (client: ApiClient = api) =>
    queryOptions({
      queryKey: topologyKeys.graph(),
      queryFn: ({ signal }): Promise<Topology> => request(client.GET("/api/topology", { signal })),
      ...live,
      refetchInterval: STABLE_REFRESH_MS,
    }),
};
export const useTopology = () => useQuery(topologyQueries.graph());
