import type { ServiceRecord } from "./nova";
import type { Http } from "./http";
import { fetchPage, listAll, type ListOpts, type SessionLike } from "./paging";

/** 3.67: project id optional in URLs, volume_type_id shown (3.63); we still put the project id in for older clouds. */
export const CINDER_MICROVERSION = "3.67";

export interface CinderVolume {
  id: string;
  name: string | null;
  status: string;
  size: number;
  bootable: string;
  volume_type: string | null;
  created_at: string;
  updated_at: string | null;
  multiattach?: boolean;
  snapshot_id?: string | null;
  source_volid?: string | null;
  description?: string | null;
  availability_zone?: string | null;
  attachments: { server_id: string; attachment_id?: string; device?: string | null; host_name?: string | null }[];
  volume_image_metadata?: Record<string, string>;
  "os-vol-host-attr:host"?: string | null;
  /** Admin: after a migration the volume's data lives under volume-<name_id>, not volume-<id>. */
  "os-vol-mig-status-attr:name_id"?: string | null;
}
export interface CinderSnapshot {
  id: string;
  name: string | null;
  status: string;
  size: number;
  volume_id: string;
  created_at: string;
}
export interface CinderVolumeType {
  id: string;
  name: string;
  description: string | null;
  is_public?: boolean;
}
export type CinderQuotaSet = Record<string, { limit: number; in_use: number; reserved?: number } | string>;

/** Cinder timestamps are naive UTC with microseconds and no Z. */
export const cinderTime = (t: string | null | undefined): number | null => {
  if (!t) return null;
  const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(t) ? t : `${t}Z`);
  return Number.isFinite(ms) ? ms : null;
};

export function createCinder(http: Http, s: SessionLike) {
  let base = s.url("volume");
  if (!/\/v3\/[0-9a-f-]{32,36}$/.test(base)) base = `${base}/${s.projectId}`;
  const headers = { "OpenStack-API-Version": `volume ${CINDER_MICROVERSION}` };
  const req = (path: string) => ({ service: "volume" as const, url: `${base}${path}`, token: s.token, headers });
  return {
    volumes: <U = CinderVolume>(query: Record<string, string> = {}, opts?: ListOpts<CinderVolume, U>) =>
      listAll<CinderVolume, U>(http, { ...req("/volumes/detail"), query }, "volumes", opts),
    /** One limit/marker page of /volumes/detail in Cinder's order (created_at desc). */
    volumesPage: (opts: { limit: number; marker?: string; query?: Record<string, string> }) =>
      fetchPage<CinderVolume>(http, { ...req("/volumes/detail"), query: opts.query }, "volumes", opts),
    volume: async (id: string) => (await http.json<{ volume: CinderVolume }>(req(`/volumes/${encodeURIComponent(id)}`))).volume,
    snapshots: () => listAll<CinderSnapshot>(http, req("/snapshots/detail"), "snapshots"),
    snapshot: async (id: string) => (await http.json<{ snapshot: CinderSnapshot }>(req(`/snapshots/${encodeURIComponent(id)}`))).snapshot,
    /** POST /volumes: never retried (the HTTP layer retries only GET). Answers 202 with the volume, `creating`. */
    createVolume: async (volume: Record<string, unknown>) =>
      (await http.json<{ volume: CinderVolume }>({ ...req("/volumes"), method: "POST", json: { volume } })).volume,
    /** POST /volumes/{id}/action (os-extend, os-retype…): never retried. Answers 202 with no body. */
    volumeAction: async (id: string, body: Record<string, unknown>) => {
      await http.checked({ ...req(`/volumes/${encodeURIComponent(id)}/action`), method: "POST", json: body });
    },
    deleteVolume: async (id: string) => {
      await http.checked({ ...req(`/volumes/${encodeURIComponent(id)}`), method: "DELETE" });
    },
    createSnapshot: async (snapshot: Record<string, unknown>) =>
      (await http.json<{ snapshot: CinderSnapshot }>({ ...req("/snapshots"), method: "POST", json: { snapshot } })).snapshot,
    deleteSnapshot: async (id: string) => {
      await http.checked({ ...req(`/snapshots/${encodeURIComponent(id)}`), method: "DELETE" });
    },
    types: async () => (await http.json<{ volume_types: CinderVolumeType[] }>(req("/types"))).volume_types,
    defaultType: async () => (await http.json<{ volume_type: CinderVolumeType }>(req("/types/default"))).volume_type,
    /** Admin: GET /os-services (cinder-scheduler, cinder-volume per backend). */
    services: async () => (await http.json<{ services: ServiceRecord[] }>(req("/os-services"))).services,
    quota: async (projectId: string) =>
      (
        await http.json<{ quota_set: CinderQuotaSet }>({
          ...req(`/os-quota-sets/${encodeURIComponent(projectId)}`),
          query: { usage: "True" },
        })
      ).quota_set,
  };
}
export type Cinder = ReturnType<typeof createCinder>;
