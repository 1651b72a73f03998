import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api, type ApiClient } from "@/lib/api/client";
import { request } from "@/lib/api/errors";
import type { components, paths } from "@/lib/api/schema";

export type VolumeSummary = components["schemas"]["VolumeSummary"];
export type VolumeList = components["schemas"]["VolumeList"];
export type VolumeFilter = NonNullable<paths["/api/volumes"]["get"]["parameters"]["query"]>;

export const volumeKeys = {
  all: ["volumes"] as const,
  lists: () => [...volumeKeys.all, "list"] as const,
  list: (f: VolumeFilter) => [...volumeKeys.lists(), f] as const,
};

export const volumeQueries = {
  list: (f: VolumeFilter, client: ApiClient = api) =>
    queryOptions({
      queryKey: volumeKeys.list(f),
      queryFn: ({ signal }): Promise<VolumeList> => request(client.GET("/api/volumes", { params: { query: f }, signal })),
      placeholderData: keepPreviousData,
      staleTime: 15_000,
      // creating → downloading → available happens by itself: keep the list current meanwhile.
      refetchInterval: (q) => (q.state.data?.items.some((v) => v.transient) ? 3_000 : false),
    }),
};

export const useVolumes = (f: VolumeFilter) => useQuery(volumeQueries.list(f));
