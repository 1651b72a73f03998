import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, type ApiClient } from "@/lib/api/client";
import { request } from "@/lib/api/errors";
import type { components } from "@/lib/api/schema";
import { STABLE_REFRESH_MS, live } from "./live";

type S = components["schemas"];
export type DhcpSummary = S["DhcpSummary"];
export type DhcpNetwork = S["DhcpNetwork"];
export type DhcpNetworkPage = S["DhcpNetworkPage"];
export type DhcpAgent = S["DhcpAgentSummary"];
export type DhcpVerdict = S["DhcpVerdict"];
export type DhcpHealPlan = S["DhcpHealPlan"];
export type DhcpHealResult = S["DhcpHealResult"];

export const DEFAULT_DHCP_TARGET = 2;
/** How soon to look again while the facts shown are being read anew (a big cloud's read takes 10–18 s). */
export const REGATHER_POLL_MS = 5_000;
/** Networks per page of the table. */
export const DHCP_PAGE = 50;

export interface NetworkFilter {
  target: number;
  offset: number;
  below: boolean;
  q: string;
}

export const dhcpKeys = {
  all: ["dhcp"] as const,
  audit: (target: number) => [...dhcpKeys.all, "audit", target] as const,
  networks: (f: NetworkFilter) => [...dhcpKeys.all, "networks", f] as const,
};

export const dhcpQueries = {
  /** The first answer: counts per verdict, the first below-target networks, the agents with their heartbeats. */
  audit: (target: number = DEFAULT_DHCP_TARGET, client: ApiClient = api) =>
    queryOptions({
      queryKey: dhcpKeys.audit(target),
      queryFn: async ({ signal }): Promise<DhcpSummary> =>
        request(client.GET("/api/admin/dhcp", { params: { query: { target } }, signal })),
      staleTime: 10_000,
      // An agent that dies shows up without a click on Refresh; while the BFF reads Neutron anew behind the facts
      // shown (regathering), look again soon.
      ...live,
      refetchInterval: (query) => (query.state.data?.regathering ? REGATHER_POLL_MS : STABLE_REFRESH_MS),
    }),
  /** A page of networks, filtered in the BFF. */
  networks: (f: NetworkFilter, client: ApiClient = api) =>
    queryOptions({
      queryKey: dhcpKeys.networks(f),
      queryFn: async ({ signal }): Promise<DhcpNetworkPage> =>
        request(
          client.GET("/api/admin/dhcp/networks", {
            params: {
              query: { target: f.target, offset: f.offset, limit: DHCP_PAGE, below: f.below ? "true" : undefined, q: f.q || undefined },
            },
            signal,
          }),
        ),
      staleTime: 10_000,
      placeholderData: keepPreviousData,
      ...live,
      refetchInterval: (query) => (query.state.data?.regathering ? REGATHER_POLL_MS : STABLE_REFRESH_MS),
    }),
};

export const useDhcpAudit = (target: number = DEFAULT_DHCP_TARGET) => useQuery(dhcpQueries.audit(target));
export const useDhcpNetworks = (f: NetworkFilter) => useQuery(dhcpQueries.networks(f));

/** Refresh: the BFF reads Neutron anew (shared by every viewer), then the summary and pages read the new facts. */
export function useDhcpRefresh() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (target: number) => request(api.GET("/api/admin/dhcp", { params: { query: { target, refresh: "true" } } })),
    retry: false,
    onSuccess: () => qc.invalidateQueries({ queryKey: dhcpKeys.all }),
  });
}

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
