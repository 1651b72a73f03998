import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api, type ApiClient } from "@/lib/api/client";
import { request } from "@/lib/api/errors";
import type { components } from "@/lib/api/schema";
import { live, livePoll } from "./live";
import { volumeKeys, type VolumeFilter } from "./volume-keys";

export { volumeKeys, type VolumeFilter };

export type VolumeSummary = components["schemas"]["VolumeSummary"];
export type VolumeList = components["schemas"]["VolumeList"];

export const volumeQueries = {
  list: (f: VolumeFilter, client: ApiClient = api) =>
    queryOptions({
      queryKey: volumeKeys.list(f),
      queryFn: ({ signal }): Promise<VolumeList> => request(client.GET("/api/volumes", { params: { query: f }, signal })),
      placeholderData: keepPreviousData,
      staleTime: 15_000,
      // creating → downloading → available happens by itself: keep the list current meanwhile.
      ...live,
      refetchInterval: (q) => livePoll(q, !!q.state.data?.items.some((v) => v.transient)),
    }),
};

export const useVolumes = (f: VolumeFilter) => useQuery(volumeQueries.list(f));
