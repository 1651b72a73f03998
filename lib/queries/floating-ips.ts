import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, type ApiClient } from "@/lib/api/client";
import { request } from "@/lib/api/errors";
import type { components } from "@/lib/api/schema";
import { STABLE_REFRESH_MS, live } from "./live";
import { invalidateNetworking } from "./net-invalidate";

export type FloatingIpList = components["schemas"]["FloatingIpList"];
export type FloatingIp = components["schemas"]["FloatingIp"];
export type FloatingIpTarget = components["schemas"]["FloatingIpTarget"];

export const floatingIpKeys = { all: ["floating-ips"] as const, list: () => [...floatingIpKeys.all, "list"] as const };

export const floatingIpQueries = {
  list: (client: ApiClient = api) =>
    queryOptions({
      queryKey: floatingIpKeys.list(),
      queryFn: ({ signal }): Promise<FloatingIpList> => request(client.GET("/api/floating-ips", { signal })),
      ...live,
      refetchInterval: STABLE_REFRESH_MS,
    }),
};
export const useFloatingIps = () => useQuery(floatingIpQueries.list());

export function useFloatingIpMutations() {
  const qc = useQueryClient();
  const settle = { retry: false, onSettled: () => invalidateNetworking(qc) } as const;
  return {
    allocate: useMutation({
      mutationFn: (externalNetworkId: string) => request(api.POST("/api/floating-ips", { body: { externalNetworkId, description: "" } })),
      ...settle,
    }),
    associate: useMutation({
      mutationFn: (v: { id: string; portId: string | null }) =>
        request(api.PUT("/api/floating-ips/{id}/port", { params: { path: { id: v.id } }, body: { portId: v.portId } })),
      ...settle,
    }),
    release: useMutation({
      mutationFn: (id: string) => request(api.DELETE("/api/floating-ips/{id}", { params: { path: { id } } })),
      ...settle,
    }),
  };
}
