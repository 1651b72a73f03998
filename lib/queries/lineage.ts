import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, type ApiClient } from "@/lib/api/client";
import { request } from "@/lib/api/errors";
import type { components } from "@/lib/api/schema";

type S = components["schemas"];
export type Lineage = S["Lineage"];
export type LineageNode = S["LineageNode"];
export type LineageCleanup = S["LineageCleanup"];
export type LineageCleanupStep = S["LineageCleanupStep"];

export const lineageKeys = {
  all: ["lineage"] as const,
  forest: () => [...lineageKeys.all, "forest"] as const,
};

export const lineageQueries = {
  /** Every RBD image and the Glance/Nova/Cinder lists of all projects: one view, refreshed on demand. */
  forest: (client: ApiClient = api) =>
    queryOptions({
      queryKey: lineageKeys.forest(),
      queryFn: async ({ signal }): Promise<Lineage> => request(client.GET("/api/admin/lineage", { signal })),
      staleTime: 30_000,
      // While Glance/Cinder name images Ceph does not have yet, look again; pending ends FRESH_MS after creation.
      refetchInterval: (query) => (query.state.data?.pending.length ? 5_000 : false),
    }),
};

export const useLineage = () => useQuery(lineageQueries.forest());

/** A dry run never changes anything, so it does not invalidate. */
export const useCleanupPlan = () =>
  useMutation({
    mutationFn: (orphans: string[]) => request(api.POST("/api/admin/lineage/cleanup", { body: { orphans, dryRun: true } })),
    retry: false,
  });

/** Runs the confirmed plan (never retried); the forest is refetched whatever happened. */
export function useCleanupRun() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { orphans: string[]; planId: string }) =>
      request(api.POST("/api/admin/lineage/cleanup", { body: { orphans: v.orphans, dryRun: false, planId: v.planId } })),
    retry: false,
    onSettled: () => qc.invalidateQueries({ queryKey: lineageKeys.all }),
  });
}
