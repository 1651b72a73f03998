import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, type ApiClient } from "@/lib/api/client";
import { request } from "@/lib/api/errors";
import type { components } from "@/lib/api/schema";
import { STABLE_REFRESH_MS, live } from "./live";

type S = components["schemas"];
export type DhcpAudit = S["DhcpAudit"];
export type DhcpNetwork = S["DhcpNetwork"];
export type DhcpAgent = S["DhcpAgent"];
export type DhcpVerdict = S["DhcpVerdict"];
export type DhcpHealPlan = S["DhcpHealPlan"];
export type DhcpHealResult = S["DhcpHealResult"];

export const DEFAULT_DHCP_TARGET = 2;

export const dhcpKeys = {
  all: ["dhcp"] as const,
  audit: (target: number) => [...dhcpKeys.all, "audit", target] as const,
};

export const dhcpQueries = {
  audit: (target: number = DEFAULT_DHCP_TARGET, client: ApiClient = api) =>
    queryOptions({
      queryKey: dhcpKeys.audit(target),
      queryFn: async ({ signal }): Promise<DhcpAudit> =>
        request(client.GET("/api/admin/dhcp", { params: { query: { target } }, signal })),
      staleTime: 15_000,
      // An agent that dies shows up without a click on Refresh.
      ...live,
      refetchInterval: STABLE_REFRESH_MS,
    }),
};

export const useDhcpAudit = (target: number = DEFAULT_DHCP_TARGET) => useQuery(dhcpQueries.audit(target));

/** The dry run: a plan to show in the confirmation dialog. Changes nothing, so nothing is invalidated. */
export function usePlanDhcpHeal() {
  return useMutation({
    mutationFn: async (input: { networkIds?: string[]; target: number }): Promise<DhcpHealPlan> =>
      (await request(api.POST("/api/admin/dhcp/heal", { body: { ...input, dryRun: true } }))) as DhcpHealPlan,
    retry: false,
  });
}

/** Executes the confirmed plan (by its planId); the BFF refuses with 409 plan_changed if the state moved. */
export function useExecuteDhcpHeal() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (input: { networkIds?: string[]; target: number; planId: string }): Promise<DhcpHealResult> =>
      (await request(api.POST("/api/admin/dhcp/heal", { body: { ...input, dryRun: false } }))) as DhcpHealResult,
    retry: false,
    onSettled: () => qc.invalidateQueries({ queryKey: dhcpKeys.all }),
  });
}
