import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, type ApiClient } from "@/lib/api/client";
import { request } from "@/lib/api/errors";
import type { components, paths } from "@/lib/api/schema";
import { STABLE_REFRESH_MS, live } from "./live";
import { invalidateNetworking } from "./net-invalidate";

export type NetworkSummary = components["schemas"]["NetworkSummary"];
export type NetworkList = components["schemas"]["NetworkList"];
export type NetworkFilter = NonNullable<paths["/api/networks"]["get"]["parameters"]["query"]>;

export const networkKeys = {
  all: ["networks"] as const,
  lists: () => [...networkKeys.all, "list"] as const,
  list: (f: NetworkFilter) => [...networkKeys.lists(), f] as const,
};

export const networkQueries = {
  list: (f: NetworkFilter, client: ApiClient = api) =>
    queryOptions({
      queryKey: networkKeys.list(f),
      queryFn: ({ signal }): Promise<NetworkList> => request(client.GET("/api/networks", { params: { query: f }, signal })),
      placeholderData: keepPreviousData,
      staleTime: 15_000,
      ...live,
      refetchInterval: STABLE_REFRESH_MS,
    }),
};

export const useNetworks = (f: NetworkFilter) => useQuery(networkQueries.list(f));

export type NetworkDetail = components["schemas"]["NetworkDetail"];
export type PortSummary = components["schemas"]["PortSummary"];
export type NetworkCreate = components["schemas"]["NetworkCreate"];
export type PortCreate = components["schemas"]["PortCreate"];

export const networkDetailKeys = {
  detail: (id: string) => [...networkKeys.all, "detail", id] as const,
};

export const networkDetailQueries = {
  detail: (id: string, client: ApiClient = api) =>
    queryOptions({
      queryKey: networkDetailKeys.detail(id),
      queryFn: ({ signal }): Promise<NetworkDetail> => request(client.GET("/api/networks/{id}", { params: { path: { id } }, signal })),
      ...live,
      refetchInterval: STABLE_REFRESH_MS,
    }),
};

export const useNetworkDetail = (id: string) => useQuery(networkDetailQueries.detail(id));

export function useNetworkMutations(id?: string) {
  const qc = useQueryClient();
  const settle = { retry: false, onSettled: () => invalidateNetworking(qc) } as const;
  return {
    create: useMutation({ mutationFn: (body: NetworkCreate) => request(api.POST("/api/networks", { body })), ...settle }),
    remove: useMutation({
      mutationFn: (networkId: string) => request(api.DELETE("/api/networks/{id}", { params: { path: { id: networkId } } })),
      ...settle,
    }),
    createPort: useMutation({
      mutationFn: (body: PortCreate) => request(api.POST("/api/networks/{id}/ports", { params: { path: { id: id ?? "" } }, body })),
      ...settle,
    }),
    removePort: useMutation({
      mutationFn: (portId: string) =>
        request(api.DELETE("/api/networks/{id}/ports/{portId}", { params: { path: { id: id ?? "", portId } } })),
      ...settle,
    }),
  };
}
