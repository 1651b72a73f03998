import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, type ApiClient } from "@/lib/api/client";
import { request } from "@/lib/api/errors";
import type { components } from "@/lib/api/schema";
import { STABLE_REFRESH_MS, live } from "./live";
import { invalidateNetworking } from "./net-invalidate";

export type RouterList = components["schemas"]["RouterList"];
export type RouterSummary = components["schemas"]["RouterSummary"];
export type RouterCreate = components["schemas"]["RouterCreate"];

export const routerKeys = { all: ["routers"] as const, list: () => [...routerKeys.all, "list"] as const };

export const routerQueries = {
  list: (client: ApiClient = api) =>
    queryOptions({
      queryKey: routerKeys.list(),
      queryFn: ({ signal }): Promise<RouterList> => request(client.GET("/api/routers", { signal })),
      ...live,
      refetchInterval: STABLE_REFRESH_MS,
    }),
};
export const useRouters = () => useQuery(routerQueries.list());

export function useRouterMutations() {
  const qc = useQueryClient();
  const settle = { retry: false, onSettled: () => invalidateNetworking(qc) } as const;
  const path = (id: string) => ({ params: { path: { id } } });
  return {
    create: useMutation({ mutationFn: (body: RouterCreate) => request(api.POST("/api/routers", { body })), ...settle }),
    remove: useMutation({ mutationFn: (id: string) => request(api.DELETE("/api/routers/{id}", path(id))), ...settle }),
    setGateway: useMutation({
      mutationFn: (v: { id: string; externalNetworkId: string | null }) =>
        request(api.PUT("/api/routers/{id}/gateway", { ...path(v.id), body: { externalNetworkId: v.externalNetworkId } })),
      ...settle,
    }),
    addInterface: useMutation({
      mutationFn: (v: { id: string; subnetId: string }) =>
        request(api.POST("/api/routers/{id}/interfaces", { ...path(v.id), body: { subnetId: v.subnetId } })),
      ...settle,
    }),
    removeInterface: useMutation({
      mutationFn: (v: { id: string; subnetId: string }) =>
        request(api.DELETE("/api/routers/{id}/interfaces/{subnetId}", { params: { path: { id: v.id, subnetId: v.subnetId } } })),
      ...settle,
    }),
  };
}
