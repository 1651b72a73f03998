import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api, type ApiClient } from "@/lib/api/client";
import { request } from "@/lib/api/errors";
import type { components, paths } from "@/lib/api/schema";
import { imagesToFollow } from "./image-poll";
import { listPoll } from "./live-rows";
import { live } from "./live";

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
      // No per-image GET yet: the list itself backs off while images are transitional (not those stuck past the
      // bound: an image left queued stays so for good); otherwise the slow pace of a stable list.
      ...live,
      refetchInterval: (q) => listPoll(q, imagesToFollow(q.state.data?.items, Date.now()), false),
    }),
};

export const useImages = (f: ImageFilter) => useQuery(imageQueries.list(f));
