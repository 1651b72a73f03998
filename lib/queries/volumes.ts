import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, type ApiClient } from "@/lib/api/client";
import { request } from "@/lib/api/errors";
import type { components } from "@/lib/api/schema";
import { STABLE_REFRESH_MS, live, livePoll } from "./live";
import { volumeKeys, type VolumeFilter } from "./volume-keys";

export { volumeKeys, type VolumeFilter };

type S = components["schemas"];
export type VolumeSummary = S["VolumeSummary"];
export type VolumeList = S["VolumeList"];
export type VolumeDetail = S["VolumeDetail"];
export type VolumeActionState = S["VolumeActionState"];
export type VolumeActionName = S["VolumeActionName"];
export type VolumeSnapshot = S["VolumeSnapshot"];
export type VolumeType = S["VolumeType"];
export type VolumeCreateRequest = S["VolumeCreateRequest"];

export const volumeQueries = {
  list: (f: VolumeFilter, client: ApiClient = api) =>
    queryOptions({
      queryKey: volumeKeys.list(f),
      queryFn: ({ signal }): Promise<VolumeList> => request(client.GET("/api/volumes", { params: { query: f }, signal })),
      placeholderData: keepPreviousData,
      staleTime: 15_000,
      // creating → downloading → available happens by itself: the page polls those rows one by one
      // (volumeRowSource); the list refreshes at the slow pace.
      ...live,
      refetchInterval: STABLE_REFRESH_MS,
    }),
  detail: (id: string, client: ApiClient = api) =>
    queryOptions({
      queryKey: [...volumeKeys.all, "detail", id] as const,
      queryFn: ({ signal }): Promise<VolumeDetail> => request(client.GET("/api/volumes/{id}", { params: { path: { id } }, signal })),
      staleTime: 10_000,
      ...live,
      refetchInterval: (q) =>
        livePoll(q, !!q.state.data && (q.state.data.transient || q.state.data.snapshots.some((s) => s.status !== "available"))),
    }),
  types: (client: ApiClient = api) =>
    queryOptions({
      queryKey: [...volumeKeys.all, "types"] as const,
      queryFn: ({ signal }) => request(client.GET("/api/volume-types", { signal })),
      staleTime: 5 * 60_000,
    }),
};

export const useVolumes = (f: VolumeFilter) => useQuery(volumeQueries.list(f));
export const useVolume = (id: string) => useQuery(volumeQueries.detail(id));
export const useVolumeTypes = (enabled = true) => useQuery({ ...volumeQueries.types(), enabled });

/** One transitional row of the list, polled by itself (the detail is a superset of the row). */
export const volumeRowSource = {
  lists: volumeKeys.lists(),
  key: (id: string) => [...volumeKeys.all, "row", id] as const,
  fetch: (id: string, signal: AbortSignal): Promise<VolumeSummary> =>
    request(api.GET("/api/volumes/{id}", { params: { path: { id } }, signal })),
};

/** Invalidates everything under `volumes` (lists, details, rows) once a change was accepted. */
function useVolumeMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    // Never retried: a lost answer must not become two volumes or two snapshots.
    retry: false,
    onSettled: () => qc.invalidateQueries({ queryKey: volumeKeys.all }),
  });
}

const path = (id: string) => ({ params: { path: { id } } });

export const useCreateVolume = () => useVolumeMutation((body: VolumeCreateRequest) => request(api.POST("/api/volumes", { body })));
export const useExtendVolume = (id: string) =>
  useVolumeMutation((newSizeGiB: number) => request(api.POST("/api/volumes/{id}/extend", { ...path(id), body: { newSizeGiB } })));
export const useRetypeVolume = (id: string) =>
  useVolumeMutation((volumeType: string) =>
    request(api.POST("/api/volumes/{id}/retype", { ...path(id), body: { volumeType, migrationPolicy: "never" } })),
  );
export const useSnapshotVolume = (id: string) =>
  useVolumeMutation((b: { name: string; force: boolean }) => request(api.POST("/api/volumes/{id}/snapshots", { ...path(id), body: b })));
export const useAttachVolume = (id: string) =>
  useVolumeMutation((serverId: string) => request(api.POST("/api/volumes/{id}/attach", { ...path(id), body: { serverId } })));
export const useDetachVolume = (id: string) => useVolumeMutation(() => request(api.POST("/api/volumes/{id}/detach", path(id))));
export const useDeleteVolume = (id: string) => useVolumeMutation(() => request(api.DELETE("/api/volumes/{id}", path(id))));
export const useDeleteVolumeSnapshot = () =>
  useVolumeMutation((snapshotId: string) => request(api.DELETE("/api/volume-snapshots/{id}", path(snapshotId))));
