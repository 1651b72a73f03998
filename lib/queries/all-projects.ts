import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api, type ApiClient } from "@/lib/api/client";
import { request } from "@/lib/api/errors";
import type { components } from "@/lib/api/schema";
import { STABLE_REFRESH_MS, live } from "./live";

export type AllInstances = components["schemas"]["AllProjectsInstances"];
export type AllVolumes = components["schemas"]["AllProjectsVolumes"];
export type AllKind = "instances" | "volumes";
export interface AllFilter {
  project?: string;
  marker?: string;
}

export const allProjectsKeys = {
  all: ["all-projects"] as const,
  list: (kind: AllKind, f: AllFilter) => [...allProjectsKeys.all, kind, f] as const,
};

export const allProjectsQueries = {
  list: (kind: AllKind, f: AllFilter, client: ApiClient = api) =>
    queryOptions({
      queryKey: allProjectsKeys.list(kind, f),
      queryFn: ({ signal }): Promise<AllInstances | AllVolumes> =>
        kind === "instances"
          ? request(client.GET("/api/admin/all-instances", { params: { query: { ...f, limit: 50 } }, signal }))
          : request(client.GET("/api/admin/all-volumes", { params: { query: { ...f, limit: 50 } }, signal })),
      placeholderData: keepPreviousData,
      ...live,
      refetchInterval: STABLE_REFRESH_MS,
    }),
};

export const useAllProjects = (kind: AllKind, f: AllFilter) => useQuery(allProjectsQueries.list(kind, f));
