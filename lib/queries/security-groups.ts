import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, type ApiClient } from "@/lib/api/client";
import { request } from "@/lib/api/errors";
import type { components } from "@/lib/api/schema";
import { STABLE_REFRESH_MS, live } from "./live";
import { invalidateNetworking } from "./net-invalidate";

export type SecurityGroup = components["schemas"]["SecurityGroup"];
export type SecurityGroupRule = components["schemas"]["SecurityGroupRule"];
export type SecurityGroupRuleCreate = components["schemas"]["SecurityGroupRuleCreate"];

export const securityGroupKeys = { all: ["security-groups"] as const, list: () => [...securityGroupKeys.all, "list"] as const };

export const securityGroupQueries = {
  list: (client: ApiClient = api) =>
    queryOptions({
      queryKey: securityGroupKeys.list(),
      queryFn: ({ signal }) => request(client.GET("/api/security-groups", { signal })),
      ...live,
      refetchInterval: STABLE_REFRESH_MS,
    }),
};
export const useSecurityGroups = () => useQuery(securityGroupQueries.list());

export function useSecurityGroupMutations() {
  const qc = useQueryClient();
  const settle = { retry: false, onSettled: () => invalidateNetworking(qc) } as const;
  const path = (id: string) => ({ params: { path: { id } } });
  return {
    create: useMutation({
      mutationFn: (body: { name: string; description: string }) => request(api.POST("/api/security-groups", { body })),
      ...settle,
    }),
    remove: useMutation({ mutationFn: (id: string) => request(api.DELETE("/api/security-groups/{id}", path(id))), ...settle }),
    addRule: useMutation({
      mutationFn: (v: { id: string; rule: SecurityGroupRuleCreate }) =>
        request(api.POST("/api/security-groups/{id}/rules", { ...path(v.id), body: v.rule })),
      ...settle,
    }),
    removeRule: useMutation({
      mutationFn: (v: { id: string; ruleId: string }) =>
        request(api.DELETE("/api/security-groups/{id}/rules/{ruleId}", { params: { path: { id: v.id, ruleId: v.ruleId } } })),
      ...settle,
    }),
  };
}
