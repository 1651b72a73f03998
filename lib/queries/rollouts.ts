import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, type ApiClient } from "@/lib/api/client";
import { request } from "@/lib/api/errors";
import type { components } from "@/lib/api/schema";

type S = components["schemas"];
export type RolloutPools = S["RolloutPools"];
export type RolloutPool = S["RolloutPool"];
export type RolloutBackend = S["RolloutBackend"];
export type RolloutPlan = S["RolloutPlan"];
export type RolloutRun = S["RolloutRun"];
export type RolloutRunSummary = S["RolloutRunSummary"];
export type RolloutMessage = S["RolloutMessage"];
export type RolloutStartInput = { pool: string; serial: string; maxFailPercentage: number; version: string };

export const rolloutKeys = {
  all: ["rollouts"] as const,
  pools: () => [...rolloutKeys.all, "pools"] as const,
  runs: () => [...rolloutKeys.all, "runs"] as const,
  run: (id: string) => [...rolloutKeys.all, "run", id] as const,
};

export const rolloutQueries = {
  pools: (client: ApiClient = api) =>
    queryOptions({
      queryKey: rolloutKeys.pools(),
      queryFn: async ({ signal }): Promise<RolloutPools> => request(client.GET("/api/admin/rollouts/pools", { signal })),
      staleTime: 5_000,
    }),
  runs: (client: ApiClient = api) =>
    queryOptions({
      queryKey: rolloutKeys.runs(),
      queryFn: async ({ signal }) => (await request(client.GET("/api/admin/rollouts", { params: { query: { limit: 100 } }, signal }))).runs,
      staleTime: 5_000,
    }),
  run: (id: string, client: ApiClient = api) =>
    queryOptions({
      queryKey: rolloutKeys.run(id),
      queryFn: async ({ signal }): Promise<RolloutRun> =>
        request(client.GET("/api/admin/rollouts/{id}", { params: { path: { id } }, signal })),
      staleTime: 1_000,
    }),
};

export const useRolloutPools = () => useQuery({ ...rolloutQueries.pools(), refetchInterval: 5_000 });
export const useRolloutRuns = () => useQuery(rolloutQueries.runs());
export const useRolloutRun = (id: string | null) => useQuery({ ...rolloutQueries.run(id ?? ""), enabled: !!id });

/** The dry run: the plan to confirm. Changes nothing. */
export function usePlanRollout() {
  return useMutation({
    mutationFn: async (input: RolloutStartInput): Promise<RolloutPlan> =>
      (await request(api.POST("/api/admin/rollouts", { body: { ...input, dryRun: true } }))) as RolloutPlan,
    retry: false,
  });
}

/** Starts the confirmed plan; 409 plan_changed when HAProxy or the input moved since the dry run. */
export function useStartRollout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (input: RolloutStartInput & { planId: string }) =>
      (await request(api.POST("/api/admin/rollouts", { body: { ...input, dryRun: false } }))) as { dryRun: false; id: string },
    retry: false,
    onSettled: () => qc.invalidateQueries({ queryKey: rolloutKeys.all }),
  });
}

export function useCancelRollout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => request(api.POST("/api/admin/rollouts/{id}/cancel", { params: { path: { id } } })),
    retry: false,
    onSettled: () => qc.invalidateQueries({ queryKey: rolloutKeys.all }),
  });
}

export function useRetryRollout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => request(api.POST("/api/admin/rollouts/{id}/retry", { params: { path: { id } } })),
    retry: false,
    onSettled: () => qc.invalidateQueries({ queryKey: rolloutKeys.all }),
  });
}
