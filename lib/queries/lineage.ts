import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, type ApiClient } from "@/lib/api/client";
import { request } from "@/lib/api/errors";
import type { components } from "@/lib/api/schema";

type S = components["schemas"];
export type LineageSummary = S["LineageSummary"];
export type LineageRoot = S["LineageRoot"];
export type LineageNode = S["LineageNode"];
export type LineageTree = S["LineageTree"];
export type LineageTreeRow = S["LineageTreeRow"];
export type LineageSearch = S["LineageSearch"];
export type LineageCleanup = S["LineageCleanup"];
export type LineageCleanupStep = S["LineageCleanupStep"];

/** Roots per page of the summary. */
export const LINEAGE_PAGE = 50;

export interface RootFilter {
  q: string;
  offset: number;
}

export const lineageKeys = {
  all: ["lineage"] as const,
  summary: (f: RootFilter) => [...lineageKeys.all, "summary", f] as const,
  tree: (root: string) => [...lineageKeys.all, "tree", root] as const,
  search: (q: string) => [...lineageKeys.all, "search", q] as const,
};

export const lineageQueries = {
  /** The summary: one row per root image (a page of them), the orphans, the walks, the space totals. */
  summary: (f: RootFilter = { q: "", offset: 0 }, client: ApiClient = api) =>
    queryOptions({
      queryKey: lineageKeys.summary(f),
      queryFn: async ({ signal }): Promise<LineageSummary> =>
        request(
          client.GET("/api/admin/lineage", { params: { query: { q: f.q || undefined, offset: f.offset, limit: LINEAGE_PAGE } }, signal }),
        ),
      staleTime: 30_000,
      placeholderData: keepPreviousData,
      // While Glance/Cinder name images Ceph does not have yet, look again; pending ends FRESH_MS after creation.
      // Likewise while a big cloud's new gather runs behind the facts shown.
      refetchInterval: (query) => (query.state.data?.pending.length || query.state.data?.regathering ? 5_000 : false),
    }),
  /** One root's tree, fetched when it is opened. */
  tree: (root: string, client: ApiClient = api) =>
    queryOptions({
      queryKey: lineageKeys.tree(root),
      queryFn: async ({ signal }): Promise<LineageTree> =>
        request(client.GET("/api/admin/lineage/tree", { params: { query: { root } }, signal })),
      staleTime: 30_000,
    }),
  search: (q: string, client: ApiClient = api) =>
    queryOptions({
      queryKey: lineageKeys.search(q),
      queryFn: async ({ signal }): Promise<LineageSearch> =>
        request(client.GET("/api/admin/lineage/search", { params: { query: { q } }, signal })),
      staleTime: 30_000,
      enabled: q.trim().length >= 2,
    }),
};

export const useLineageSummary = (f: RootFilter) => useQuery(lineageQueries.summary(f));
export const useLineageTree = (root: string) => useQuery(lineageQueries.tree(root));
export const useLineageSearch = (q: string) => useQuery(lineageQueries.search(q));

/** Refresh: the BFF gathers anew (shared by every viewer), then every lineage view reads the new facts. */
export function useLineageRefresh() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => request(api.GET("/api/admin/lineage", { params: { query: { refresh: "true", limit: 1 } } })),
    retry: false,
    onSuccess: () => qc.invalidateQueries({ queryKey: lineageKeys.all }),
  });
}

/** A dry run never changes anything, so it does not invalidate. */
export const useCleanupPlan = () =>
  useMutation({
    mutationFn: (orphans: string[]) => request(api.POST("/api/admin/lineage/cleanup", { body: { orphans, dryRun: true } })),
    retry: false,
  });

/** Runs the confirmed plan (never retried); the lineage is refetched whatever happened. */
export function useCleanupRun() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { orphans: string[]; planId: string }) =>
      request(api.POST("/api/admin/lineage/cleanup", { body: { orphans: v.orphans, dryRun: false, planId: v.planId } })),
    retry: false,
    onSettled: () => qc.invalidateQueries({ queryKey: lineageKeys.all }),
  });
}
