import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, type ApiClient } from "@/lib/api/client";
import { request } from "@/lib/api/errors";
import type { components, paths } from "@/lib/api/schema";
import { imagesToFollow } from "./image-poll";
import { listPoll } from "./live-rows";
import { live, livePoll } from "./live";

export type ImageSummary = components["schemas"]["ImageSummary"];
export type ImageList = components["schemas"]["ImageList"];
export type ImageDetail = components["schemas"]["ImageDetail"];
export type ImageUpdate = components["schemas"]["ImageUpdate"];
export type ImageCreate = components["schemas"]["ImageCreate"];
export type ImportCapability = components["schemas"]["ImageImportCapability"];
export type ImageFilter = NonNullable<paths["/api/images"]["get"]["parameters"]["query"]>;

export const imageKeys = {
  all: ["images"] as const,
  lists: () => [...imageKeys.all, "list"] as const,
  list: (f: ImageFilter) => [...imageKeys.lists(), f] as const,
  detail: (id: string) => [...imageKeys.all, "detail", id] as const,
  importInfo: () => [...imageKeys.all, "import-info"] as const,
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

export const imageDetailQuery = (id: string, client: ApiClient = api) =>
  queryOptions({
    queryKey: imageKeys.detail(id),
    queryFn: ({ signal }): Promise<ImageDetail> => request(client.GET("/api/images/{id}", { params: { path: { id } }, signal })),
    ...live,
    // An image being written or imported is polled with the backoff; a settled one at the slow pace.
    refetchInterval: (q) => livePoll(q, !!q.state.data?.transient || !!q.state.data?.importStatus.importing),
  });
export const importInfoQuery = (client: ApiClient = api) =>
  queryOptions({
    queryKey: imageKeys.importInfo(),
    queryFn: ({ signal }): Promise<ImportCapability> => request(client.GET("/api/images/import-info", { signal })),
    staleTime: 5 * 60_000,
  });

export const useImages = (f: ImageFilter) => useQuery(imageQueries.list(f));
export const useImage = (id: string) => useQuery(imageDetailQuery(id));
export const useImportInfo = () => useQuery(importInfoQuery());

/** Edit, delete and convert: never retried; every image query is invalidated after (by prefix). */
export function useImageMutations(id: string) {
  const qc = useQueryClient();
  const settle = () => qc.invalidateQueries({ queryKey: imageKeys.all });
  return {
    update: useMutation({
      mutationFn: (body: ImageUpdate) => request(api.PATCH("/api/images/{id}", { params: { path: { id } }, body })),
      retry: false,
      onSettled: settle,
    }),
    remove: useMutation({
      mutationFn: () => request(api.DELETE("/api/images/{id}", { params: { path: { id } } })),
      retry: false,
      onSettled: settle,
    }),
    convert: useMutation({
      mutationFn: () => request(api.POST("/api/images/{id}/convert", { params: { path: { id } } })),
      retry: false,
      onSettled: settle,
    }),
  };
}

/** A new image from a URL Glance downloads itself (web-download). */
export function useWebDownload() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ImageCreate & { uri: string }) => request(api.POST("/api/images/web-download", { body })),
    retry: false,
    onSettled: () => qc.invalidateQueries({ queryKey: imageKeys.all }),
  });
}
