import { keepPreviousData, queryOptions, useMutation, useQuery } from "@tanstack/react-query";
import { api, type ApiClient } from "@/lib/api/client";
import { request } from "@/lib/api/errors";
import type { components } from "@/lib/api/schema";

type S = components["schemas"];
export type BootOptions = S["BootOptions"];
export type BootPlan = S["BootPlan"];
export type BootPlanRequest = S["BootPlanRequest"];
export type BootRequest = S["BootRequest"];
export type BootProgress = S["BootProgress"];
export type BootRisk = S["BootRisk"];

export const bootKeys = {
  all: ["boot"] as const,
  options: () => [...bootKeys.all, "options"] as const,
  plan: (req: BootPlanRequest) => [...bootKeys.all, "plan", req] as const,
  progress: (serverId: string) => [...bootKeys.all, "progress", serverId] as const,
};

export const bootQueries = {
  options: (client: ApiClient = api) =>
    queryOptions({
      queryKey: bootKeys.options(),
      queryFn: ({ signal }): Promise<BootOptions> => request(client.GET("/api/boot/options", { signal })),
      staleTime: 30_000,
    }),
  /** The live plan: re-asked whenever a choice changes; the previous plan stays on screen meanwhile. */
  plan: (req: BootPlanRequest | null, client: ApiClient = api) =>
    queryOptions({
      queryKey: bootKeys.plan(req ?? ({} as BootPlanRequest)),
      queryFn: ({ signal }): Promise<BootPlan> => request(client.POST("/api/boot/plan", { body: req!, signal })),
      enabled: req !== null,
      placeholderData: keepPreviousData,
      staleTime: 15_000,
    }),
  progress: (serverId: string, client: ApiClient = api) =>
    queryOptions({
      queryKey: bootKeys.progress(serverId),
      queryFn: ({ signal }): Promise<BootProgress> =>
        request(client.GET("/api/boot/{serverId}/progress", { params: { path: { serverId } }, signal })),
      refetchInterval: (q) => (q.state.data?.done ? false : 1500),
    }),
};

export const useBootOptions = () => useQuery(bootQueries.options());
export const useBootPlan = (req: BootPlanRequest | null) => useQuery(bootQueries.plan(req));

/** POST /api/boot. Not retried: a lost answer must not become two servers. */
export function useLaunchBoot() {
  return useMutation({
    mutationFn: (body: BootRequest) => request(api.POST("/api/boot", { body })),
    retry: false,
  });
}
