import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, type ApiClient } from "@/lib/api/client";
import { request } from "@/lib/api/errors";
import type { components } from "@/lib/api/schema";
import { lineageKeys } from "./lineage";

type S = components["schemas"];
export type Fanout = S["Fanout"];
export type FanoutRow = S["FanoutRow"];
export type FanoutClone = S["FanoutClone"];
export type FanoutBytes = S["FanoutBytes"];
export type FlattenAdvice = S["FlattenAdvice"];
export type FanoutBenchState = S["FanoutBenchState"];
export type LineageFlatten = S["LineageFlatten"];

/** Parent snapshots per page of the fan-out. */
export const FANOUT_PAGE = 25;

/** Under lineageKeys.all: a Lineage refresh or a clean-up refetches the fan-out too. */
export const fanoutKeys = {
  all: [...lineageKeys.all, "fanout"] as const,
  page: (offset: number) => [...fanoutKeys.all, offset] as const,
};

export const fanoutQueries = {
  page: (offset: number, client: ApiClient = api) =>
    queryOptions({
      queryKey: fanoutKeys.page(offset),
      queryFn: async ({ signal }): Promise<Fanout> =>
        request(client.GET("/api/admin/lineage/fanout", { params: { query: { offset, limit: FANOUT_PAGE } }, signal })),
      staleTime: 30_000,
    }),
};

export const useFanout = (offset: number) => useQuery(fanoutQueries.page(offset));

/** A dry run never changes anything, so it does not invalidate. */
export const useFlattenPlan = () =>
  useMutation({
    mutationFn: (clones: string[]) => request(api.POST("/api/admin/lineage/flatten", { body: { clones, dryRun: true } })),
    retry: false,
  });

/** Runs the confirmed plan (never retried); every lineage view is refetched whatever happened. */
export function useFlattenRun() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { clones: string[]; planId: string }) =>
      request(api.POST("/api/admin/lineage/flatten", { body: { clones: v.clones, dryRun: false, planId: v.planId } })),
    retry: false,
    onSettled: () => qc.invalidateQueries({ queryKey: lineageKeys.all }),
  });
}
