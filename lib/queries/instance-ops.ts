import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api/client";
import { request } from "@/lib/api/errors";
import type { components } from "@/lib/api/schema";
import { instanceKeys } from "./instances";
import { volumeKeys } from "./volume-keys";

type S = components["schemas"];
export type InstanceActionBody = S["InstanceActionRequest"];
export type InstancePort = S["InstancePort"];
/** A row of the ports tab: the port with its name and its network's name from Neutron (`networkNameKnown`). */
export type InstancePortRow = S["InstancePortRow"];

/**
 * The instance page's tabs and its other operations (resize, snapshot, attach…), apart from lib/queries/instances.ts
 * so that only the lazily loaded tabs and dialogs carry them. Keys live under the instance's detail key, so every
 * mutation's prefix invalidation (`instanceKeys.all`) refreshes them too.
 */
export const instanceOpKeys = {
  of: (id: string) => [...instanceKeys.detail(id), "ops"] as const,
  consoleLog: (id: string, lines: number) => [...instanceOpKeys.of(id), "console-log", lines] as const,
  actionLog: (id: string) => [...instanceOpKeys.of(id), "action-log"] as const,
  ports: (id: string) => [...instanceOpKeys.of(id), "ports"] as const,
  snapshots: (id: string) => [...instanceOpKeys.of(id), "snapshots"] as const,
};

const path = (id: string) => ({ params: { path: { id } } });

export const instanceOpQueries = {
  consoleLog: (id: string, lines: number) =>
    queryOptions({
      queryKey: instanceOpKeys.consoleLog(id, lines),
      queryFn: ({ signal }) => request(api.GET("/api/instances/{id}/console-log", { params: { path: { id }, query: { lines } }, signal })),
    }),
  actionLog: (id: string) =>
    queryOptions({
      queryKey: instanceOpKeys.actionLog(id),
      queryFn: ({ signal }) => request(api.GET("/api/instances/{id}/action-log", { ...path(id), signal })),
    }),
  ports: (id: string) =>
    queryOptions({
      queryKey: instanceOpKeys.ports(id),
      queryFn: ({ signal }) => request(api.GET("/api/instances/{id}/ports", { ...path(id), signal })),
    }),
  snapshots: (id: string) =>
    queryOptions({
      queryKey: instanceOpKeys.snapshots(id),
      queryFn: ({ signal }) => request(api.GET("/api/instances/{id}/snapshots", { ...path(id), signal })),
    }),
};

/** Every operation the page offers besides the power actions, as one request each. Never retried. */
export type InstanceOp =
  | { kind: "action"; body: InstanceActionBody }
  | { kind: "snapshot"; name: string }
  | { kind: "attach-volume"; volumeId: string }
  | { kind: "detach-volume"; volumeId: string }
  | { kind: "attach-port"; networkId: string }
  | { kind: "detach-port"; portId: string }
  | { kind: "console"; protocol: "vnc" | "spice" };

async function runOp(id: string, op: InstanceOp): Promise<{ url?: string }> {
  switch (op.kind) {
    case "action":
      await request(api.POST("/api/instances/{id}/actions", { ...path(id), body: op.body }));
      return {};
    case "snapshot":
      await request(api.POST("/api/instances/{id}/snapshots", { ...path(id), body: { name: op.name } }));
      return {};
    case "attach-volume":
      await request(api.POST("/api/instances/{id}/volumes", { ...path(id), body: { volumeId: op.volumeId } }));
      return {};
    case "detach-volume":
      await request(api.DELETE("/api/instances/{id}/volumes/{volumeId}", { params: { path: { id, volumeId: op.volumeId } } }));
      return {};
    case "attach-port":
      await request(api.POST("/api/instances/{id}/ports", { ...path(id), body: { networkId: op.networkId } }));
      return {};
    case "detach-port":
      await request(api.DELETE("/api/instances/{id}/ports/{portId}", { params: { path: { id, portId: op.portId } } }));
      return {};
    case "console":
      return request(api.POST("/api/instances/{id}/console", { ...path(id), body: { protocol: op.protocol } }));
  }
}

export function useInstanceOp(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (op: InstanceOp) => runOp(id, op),
    retry: false,
    onSettled: (_d, _e, op) =>
      Promise.all([
        qc.invalidateQueries({ queryKey: instanceKeys.all }),
        op.kind.endsWith("volume") ? qc.invalidateQueries({ queryKey: volumeKeys.all }) : undefined,
      ]),
  });
}
