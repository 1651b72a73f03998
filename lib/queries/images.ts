import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api, type ApiClient } from "@/lib/api/client";
import { request } from "@/lib/api/errors";
import type { components, paths } from "@/lib/api/schema";

export type ImageSummary = components["schemas"]["ImageSummary"];
export type ImageList = components["schemas"]["ImageList"];
export type ImageFilter = NonNullable<paths["/api/images"]["get"]["parameters"]["query"]>;

export const imageKeys = {
  all: ["images"] as const,
  lists: () => [...imageKeys.all, "list"] as const,
  list: (f: ImageFilter) => [...imageKeys.lists(), f] as const,
};

export const imageQueries = {
  list: (f: ImageFilter, client: ApiClient = api) =>
    queryOptions({
      queryKey: imageKeys.list(f),
      queryFn: ({ signal }): Promise<ImageList> => request(client.GET("/api/images", { params: { query: f }, signal })),
      placeholderData: keepPreviousData,
      staleTime: 15_000,
      refetchInterval: (q) => (q.state.data?.items.some((i) => i.transient) ? 5_000 : false),
    }),
};

export const useImages = (f: ImageFilter) => useQuery(imageQueries.list(f));
