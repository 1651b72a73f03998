import type { Http } from "./http";
import { fetchPage, listAll, type SessionLike } from "./paging";

/** ≥ 2.67: volume_type in block_device_mapping_v2; the same version is used for every call. */
export const NOVA_MICROVERSION = "2.67";

export interface NovaFlavor {
  id: string;
  name: string;
  vcpus: number;
  ram: number;
  disk: number;
  "OS-FLV-EXT-DATA:ephemeral"?: number;
  "OS-FLV-DISABLED:disabled"?: boolean;
  "os-flavor-access:is_public"?: boolean;
  description?: string | null;
}
export interface NovaFault {
  code: number;
  message: string;
  created?: string;
  details?: string;
}
export interface NovaServer {
  id: string;
  name: string;
  status: string;
  created: string;
  updated?: string;
  "OS-EXT-STS:task_state"?: string | null;
  "OS-EXT-STS:vm_state"?: string | null;
  "OS-SRV-USG:launched_at"?: string | null;
  "os-extended-volumes:volumes_attached"?: { id: string; delete_on_termination?: boolean }[];
  image?: "" | { id: string };
  fault?: NovaFault;
  metadata?: Record<string, string>;
  /** 2.47+: the flavor as it was at boot, embedded. */
  flavor?: { original_name?: string; vcpus?: number; ram?: number; disk?: number; id?: string };
  addresses?: Record<string, NovaAddress[]>;
  key_name?: string | null;
  security_groups?: { name: string }[];
  "OS-EXT-AZ:availability_zone"?: string;
  "OS-EXT-STS:power_state"?: number;
  locked?: boolean;
  description?: string | null;
  /** Admin-only (extended server attributes). */
  "OS-EXT-SRV-ATTR:root_device_name"?: string | null;
}
export interface NovaAddress {
  addr: string;
  version: number;
  "OS-EXT-IPS:type"?: string;
  "OS-EXT-IPS-MAC:mac_addr"?: string;
}
export interface NovaVolumeAttachment {
  volumeId: string;
  device?: string | null;
  serverId: string;
  delete_on_termination?: boolean;
}
/** One of Nova's server action bodies ({"os-start": null}, {"resize": {"flavorRef": "2"}}, …). */
export type NovaServerAction = Record<string, unknown>;
export interface NovaInterface {
  port_id: string;
  net_id: string;
  mac_addr: string;
  port_state: string;
  fixed_ips: { subnet_id: string; ip_address: string }[];
}
/** One entry of a server's action log (os-instance-actions). */
export interface NovaInstanceAction {
  action: string;
  instance_uuid?: string;
  project_id?: string | null;
  request_id: string;
  user_id: string | null;
  start_time: string;
  message: string | null;
  updated_at?: string | null;
}
export interface NovaAbsoluteLimits {
  maxTotalInstances: number;
  totalInstancesUsed: number;
  maxTotalCores: number;
  totalCoresUsed: number;
  maxTotalRAMSize: number;
  totalRAMUsed: number;
  maxTotalKeypairs?: number;
}

/**
 * 2.69: a server in a cell that does not answer is listed (and shown) as a minimal record with status UNKNOWN
 * instead of being left out, but only on an unpaged, unsorted, unfiltered list (all_tenants aside).
 */
export const NOVA_DOWN_CELL_MICROVERSION = "2.69";

/** Nova v2.1: the calls the boot wizard makes. */
/** A hypervisor as os-hypervisors/detail answers it (the usage fields are gone at 2.88). */
export interface NovaHypervisor {
  id: string | number;
  hypervisor_hostname: string;
  hypervisor_type?: string;
  state: string;
  status: string;
  host_ip?: string;
  vcpus?: number;
  vcpus_used?: number;
  memory_mb?: number;
  memory_mb_used?: number;
  local_gb?: number;
  local_gb_used?: number;
  running_vms?: number;
}

/** A service row of Nova's or Cinder's os-services. */
export interface ServiceRecord {
  id?: string | number;
  binary: string;
  host: string;
  zone: string;
  status: string;
  state: string;
  updated_at: string | null;
  disabled_reason?: string | null;
  forced_down?: boolean;
}

export function createNova(http: Http, s: SessionLike) {
  const base = s.url("compute");
  const headers = { "OpenStack-API-Version": `compute ${NOVA_MICROVERSION}`, "X-OpenStack-Nova-API-Version": NOVA_MICROVERSION };
  const req = (path: string) => ({ service: "compute" as const, url: `${base}${path}`, token: s.token, headers });
  const downCellHeaders = {
    "OpenStack-API-Version": `compute ${NOVA_DOWN_CELL_MICROVERSION}`,
    "X-OpenStack-Nova-API-Version": NOVA_DOWN_CELL_MICROVERSION,
  };
  const req69 = (path: string) => ({ ...req(path), headers: downCellHeaders });
  return {
    flavors: () => listAll<NovaFlavor>(http, req("/flavors/detail"), "flavors", { limit: 1000 }),
    flavor: async (id: string) => (await http.json<{ flavor: NovaFlavor }>(req(`/flavors/${encodeURIComponent(id)}`))).flavor,
    /** Key pairs are keyed by name, so they page by name (2.35+). */
    keypairs: async () => {
      const body = await http.json<{ keypairs: { keypair: { name: string; fingerprint: string; type?: string } }[] }>(req("/os-keypairs"));
      return body.keypairs.map((k) => k.keypair);
    },
    /** POST /os-keypairs (2.67: 201). Without a public key Nova generates the pair and answers the private key once. */
    createKeypair: async (name: string, publicKey?: string) =>
      (
        await http.json<{ keypair: { name: string; fingerprint: string; type?: string; private_key?: string } }>({
          ...req("/os-keypairs"),
          method: "POST",
          json: { keypair: { name, ...(publicKey ? { public_key: publicKey } : {}) } },
        })
      ).keypair,
    deleteKeypair: async (name: string) => {
      await http.checked({ ...req(`/os-keypairs/${encodeURIComponent(name)}`), method: "DELETE" });
    },
    /** GET /os-quota-sets/{project}/detail: each resource's limit, in_use and reserved (-1: unlimited). */
    quotaDetail: async (projectId: string) =>
      (
        await http.json<{ quota_set: Record<string, { limit: number; in_use: number; reserved?: number } | string> }>(
          req(`/os-quota-sets/${encodeURIComponent(projectId)}/detail`),
        )
      ).quota_set,
    /** Admin: GET /os-hypervisors/detail (2.53+: UUID ids). */
    hypervisors: async () => (await http.json<{ hypervisors: NovaHypervisor[] }>(req("/os-hypervisors/detail"))).hypervisors,
    /** Admin: GET /os-services. */
    services: async () => (await http.json<{ services: ServiceRecord[] }>(req("/os-services"))).services,
    limits: async () => (await http.json<{ limits: { absolute: NovaAbsoluteLimits } }>(req("/limits"))).limits.absolute,
    server: async (id: string) => (await http.json<{ server: NovaServer }>(req(`/servers/${encodeURIComponent(id)}`))).server,
    /** POST /servers: never retried (the HTTP layer retries only GET). Answers 202 with the server id. */
    createServer: async (body: unknown) => {
      const res = await http.json<{ server?: { id: string }; reservation_id?: string }>({ ...req("/servers"), method: "POST", json: body });
      return { id: res.server?.id ?? null, reservationId: res.reservation_id ?? null };
    },
    /** GET /servers/detail, one limit/marker page in Nova's order (created_at desc). */
    serversPage: (opts: { limit: number; marker?: string; query?: Record<string, string> }) =>
      fetchPage<NovaServer>(http, { ...req("/servers/detail"), query: opts.query }, "servers", opts),
    /** Every server (bounded walk), for views that search or sort themselves. */
    servers: (query: Record<string, string> = {}, opts?: { maxItems?: number }) =>
      listAll<NovaServer>(http, { ...req("/servers/detail"), query }, "servers", { limit: 500, ...opts }),
    /** Admin: every server of every project, at 2.69 (bounded walk; paging makes Nova skip down cells). */
    allServers: (query: Record<string, string> = {}, opts?: { maxItems?: number }) =>
      listAll<Pick<NovaServer, "id" | "name" | "status">>(
        http,
        { ...req69("/servers/detail"), query: { all_tenants: "1", ...query } },
        "servers",
        // Only what the type says: a server's detail is kilobytes, and an admin walk reads every server.
        { limit: 1000, ...opts, pick: ({ id, name, status }) => ({ id, name, status }) },
      ),
    /**
     * Admin: the one list Nova answers with down cells' servers (status UNKNOWN): all_tenants only, no paging.
     * `more` is true when Nova cut it at its max_limit (a next link), so servers may be missing from it.
     */
    downCellProbe: async () => {
      const body = await http.json<{ servers: { id: string; status?: string; name?: string }[]; servers_links?: unknown[] }>({
        ...req69("/servers"),
        query: { all_tenants: "1" },
      });
      return { servers: body.servers ?? [], more: (body.servers_links ?? []).length > 0 };
    },
    /** GET /servers/{id} at 2.69: a server in a down cell answers 200 with status UNKNOWN, not an error. */
    serverAnyCell: async (id: string) =>
      (await http.json<{ server: Pick<NovaServer, "id" | "name" | "status"> }>(req69(`/servers/${encodeURIComponent(id)}`))).server,
    /** Id → name for every server of the project (summary list, one call per 1000). */
    serverNames: async () =>
      new Map(
        (await listAll<{ id: string; name: string }>(http, req("/servers"), "servers", { limit: 1000 })).items.map((s) => [s.id, s.name]),
      ),
    volumeAttachments: async (id: string) =>
      (await http.json<{ volumeAttachments: NovaVolumeAttachment[] }>(req(`/servers/${encodeURIComponent(id)}/os-volume_attachments`)))
        .volumeAttachments,
    /** POST /servers/{id}/action: never retried. Answers 202 with no body. */
    serverAction: async (id: string, body: NovaServerAction) => {
      await http.checked({ ...req(`/servers/${encodeURIComponent(id)}/action`), method: "POST", json: body });
    },
    /** POST /servers/{id}/action createImage (2.45+ answers the image id). Never retried. */
    createImage: async (id: string, name: string) =>
      (
        await http.json<{ image_id: string }>({
          ...req(`/servers/${encodeURIComponent(id)}/action`),
          method: "POST",
          json: { createImage: { name } },
        })
      ).image_id,
    consoleOutput: async (id: string, length: number) =>
      (
        await http.json<{ output: string }>({
          ...req(`/servers/${encodeURIComponent(id)}/action`),
          method: "POST",
          json: { "os-getConsoleOutput": { length } },
        })
      ).output,
    instanceActions: async (id: string) =>
      (await http.json<{ instanceActions: NovaInstanceAction[] }>(req(`/servers/${encodeURIComponent(id)}/os-instance-actions`)))
        .instanceActions,
    interfaces: async (id: string) =>
      (await http.json<{ interfaceAttachments: NovaInterface[] }>(req(`/servers/${encodeURIComponent(id)}/os-interface`)))
        .interfaceAttachments,
    attachInterface: async (id: string, body: { net_id?: string; port_id?: string }) =>
      (
        await http.json<{ interfaceAttachment: NovaInterface }>({
          ...req(`/servers/${encodeURIComponent(id)}/os-interface`),
          method: "POST",
          json: { interfaceAttachment: body },
        })
      ).interfaceAttachment,
    detachInterface: async (id: string, portId: string) => {
      await http.checked({ ...req(`/servers/${encodeURIComponent(id)}/os-interface/${encodeURIComponent(portId)}`), method: "DELETE" });
    },
    /** POST /servers/{id}/os-volume_attachments: never retried. Nova reserves the volume and attaches it. */
    attachVolume: async (id: string, volumeId: string) =>
      (
        await http.json<{ volumeAttachment: NovaVolumeAttachment }>({
          ...req(`/servers/${encodeURIComponent(id)}/os-volume_attachments`),
          method: "POST",
          json: { volumeAttachment: { volumeId } },
        })
      ).volumeAttachment,
    /** DELETE /servers/{id}/os-volume_attachments/{volumeId}: never retried. Answers 202. */
    detachVolume: async (id: string, volumeId: string) => {
      await http.checked({
        ...req(`/servers/${encodeURIComponent(id)}/os-volume_attachments/${encodeURIComponent(volumeId)}`),
        method: "DELETE",
      });
    },
    /** POST /servers/{id}/remote-consoles (2.6+): a URL to the cloud's console proxy. */
    remoteConsole: async (id: string, protocol: "vnc" | "spice") =>
      (
        await http.json<{ remote_console: { protocol: string; type: string; url: string } }>({
          ...req(`/servers/${encodeURIComponent(id)}/remote-consoles`),
          method: "POST",
          json: { remote_console: { protocol, type: protocol === "vnc" ? "novnc" : "spice-html5" } },
        })
      ).remote_console,
    /** DELETE /servers/{id}: never retried (the HTTP layer retries only GET). */
    deleteServer: async (id: string) => {
      await http.checked({ ...req(`/servers/${encodeURIComponent(id)}`), method: "DELETE" });
    },
  };
}
export type Nova = ReturnType<typeof createNova>;
