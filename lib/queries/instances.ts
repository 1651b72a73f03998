import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, type ApiClient } from "@/lib/api/client";
import { request } from "@/lib/api/errors";
import type { components, paths } from "@/lib/api/schema";
import { STABLE_REFRESH_MS, live, livePoll } from "./live";
import { volumeKeys } from "./volume-keys";

type S = components["schemas"];
export type InstanceSummary = S["InstanceSummary"];
export type InstanceDetail = S["InstanceDetail"];
export type InstanceList = S["InstanceList"];
export type InstanceActionState = S["InstanceActionState"];
export type InstanceActionName = S["InstanceActionName"];
/** The actions the list rows and the page's first toolbar run directly (the others open a dialog). */
export type PowerAction = Extract<InstanceActionName, "start" | "stop" | "reboot" | "hard-reboot" | "delete">;
export type InstanceFilter = NonNullable<paths["/api/instances"]["get"]["parameters"]["query"]>;

export const instanceKeys = {
  all: ["instances"] as const,
  lists: () => [...instanceKeys.all, "list"] as const,
  list: (f: InstanceFilter) => [...instanceKeys.lists(), f] as const,
  detail: (id: string) => [...instanceKeys.all, "detail", id] as const,
};

export const instanceQueries = {
  list: (f: InstanceFilter, client: ApiClient = api) =>
    queryOptions({
      queryKey: instanceKeys.list(f),
      queryFn: ({ signal }): Promise<InstanceList> => request(client.GET("/api/instances", { params: { query: f }, signal })),
      placeholderData: keepPreviousData,
      staleTime: 10_000,
      // Nova moves transitional rows along by itself: the page polls those rows one by one (instanceRowSource);
      // the list refreshes at the slow pace.
      ...live,
      refetchInterval: STABLE_REFRESH_MS,
    }),
  detail: (id: string, client: ApiClient = api) =>
    queryOptions({
      queryKey: instanceKeys.detail(id),
      queryFn: ({ signal }): Promise<InstanceDetail> => request(client.GET("/api/instances/{id}", { params: { path: { id } }, signal })),
      staleTime: 10_000,
      ...live,
      refetchInterval: (q) => livePoll(q, !!q.state.data?.transient),
    }),
};

export const useInstances = (f: InstanceFilter) => useQuery(instanceQueries.list(f));

/** One transitional row of the list, polled by itself (the detail is a superset of the row). */
export const instanceRowSource = {
  lists: instanceKeys.lists(),
  key: (id: string) => [...instanceKeys.all, "row", id] as const,
  fetch: (id: string, signal: AbortSignal): Promise<InstanceSummary> =>
    request(api.GET("/api/instances/{id}", { params: { path: { id } }, signal })),
};
export const useInstance = (id: string) => useQuery(instanceQueries.detail(id));

/**
 * Start/stop/reboot/delete. Never retried; afterwards everything under `instances` is refetched, and after a
 * delete the volumes too (Nova detaches them, or deletes those marked delete-on-termination).
 */
export function useInstanceAction(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (action: PowerAction) =>
      action === "delete"
        ? request(api.DELETE("/api/instances/{id}", { params: { path: { id } } }))
        : request(api.POST("/api/instances/{id}/actions", { params: { path: { id } }, body: { action } })),
    retry: false,
    onSettled: (_data, _error, action) =>
      Promise.all([
        qc.invalidateQueries({ queryKey: instanceKeys.all }),
        action === "delete" ? qc.invalidateQueries({ queryKey: volumeKeys.all }) : undefined,
      ]),
  });
}
