import { floatingIpsOfPort } from "../neutron/l3-model";
import { createHash } from "node:crypto";
import { isoSeconds } from "../../core/clock";
import type { SimState } from "../../core/state";
import { atLeast, type Version } from "../common/microversion";
import { glanceImages } from "../glance/model";
import { launchedAt, serverState } from "./lifecycle";
import type { Flavor, Server } from "./model";

export interface ViewCtx {
  state: SimState;
  v: Version;
  admin: boolean;
  now: number;
  base: string;
  projectId: string;
}

const hostIds = new Map<string, string>();
/** hostId: sha224(project_id + host), as nova's _get_host_id computes it. */
const hostId = (project: string, host: string) => {
  const k = project + host;
  let h = hostIds.get(k);
  if (!h) {
    h = createHash("sha224").update(k).digest("hex");
    hostIds.set(k, h);
  }
  return h;
};
const naive = (t: number) => new Date(t).toISOString().replace("Z", "000");
export const links = (c: ViewCtx, kind: string, id: string, project = c.projectId) => [
  { href: `${c.base}/compute/v2.1/${project}/${kind}/${id}`, rel: "self" },
  { href: `${c.base}/compute/${project}/${kind}/${id}`, rel: "bookmark" },
];

export const serverSummary = (c: ViewCtx, s: Server) => ({ id: s.id, links: links(c, "servers", s.id, s.projectId), name: s.name });

/** GET /servers/{id} body (nova/api/openstack/compute/views/servers.py), gated by microversion and role. */
export function serverView(c: ViewCtx, s: Server, opts: { show?: boolean } = {}): Record<string, unknown> {
  const st = serverState(s, c.now);
  const failed = st.status === "ERROR";
  const host = failed ? null : s.host;
  const launched = launchedAt(s, c.now);
  const addresses: Record<string, unknown[]> = {};
  if (!failed && c.now >= s.timeline.networkedAt) {
    for (const n of s.nics) {
      const list = (addresses[n.networkName] ??= []);
      list.push({ version: 4, addr: n.addr, "OS-EXT-IPS:type": "fixed", "OS-EXT-IPS-MAC:mac_addr": n.mac });
      // Neutron tells Nova of an association (notify_nova_on_port_data_changes) and Nova's network info then lists the
      // floating address after the fixed one it maps to.
      for (const f of floatingIpsOfPort(c.state, n.portId))
        if (f.fixed_ip_address === n.addr)
          list.push({ version: 4, addr: f.floating_ip_address, "OS-EXT-IPS:type": "floating", "OS-EXT-IPS-MAC:mac_addr": n.mac });
    }
  }
  let image: unknown = "";
  if (s.imageId) {
    const img: Record<string, unknown> = {
      id: s.imageId,
      links: [{ href: `${c.base}/compute/${s.projectId}/images/${s.imageId}`, rel: "bookmark" }],
    };
    if (atLeast(c.v, "2.98")) {
      const g = glanceImages(c.state).get(s.imageId);
      img.properties = g ? { ...g.properties } : {};
    }
    image = img;
  }
  const flavor = atLeast(c.v, "2.47")
    ? {
        vcpus: s.flavor.vcpus,
        ram: s.flavor.ram,
        disk: s.flavor.disk,
        ephemeral: s.flavor.ephemeral,
        swap: s.flavor.swap,
        original_name: s.flavor.original_name,
        extra_specs: s.flavor.extra_specs,
      }
    : { id: s.flavorId, links: [{ href: `${c.base}/compute/${s.projectId}/flavors/${s.flavorId}`, rel: "bookmark" }] };
  const body: Record<string, unknown> = {
    id: s.id,
    name: s.name,
    status: st.status,
    tenant_id: s.projectId,
    user_id: s.userId,
    metadata: s.metadata,
    hostId: host ? hostId(s.projectId, host) : "",
    image,
    flavor,
    created: isoSeconds(s.created),
    updated: isoSeconds(Math.max(s.created, Math.min(c.now, s.failure?.at ?? s.timeline.spawnedAt), s.power.updated)),
    addresses,
    accessIPv4: s.accessIPv4,
    accessIPv6: s.accessIPv6,
    links: links(c, "servers", s.id, s.projectId),
    "OS-DCF:diskConfig": "AUTO",
    "OS-EXT-AZ:availability_zone": s.availabilityZone,
    config_drive: "",
    key_name: s.keyName,
    "OS-SRV-USG:launched_at": launched === null ? null : naive(launched),
    "OS-SRV-USG:terminated_at": null,
    security_groups: s.securityGroups.map((name) => ({ name })),
    "OS-EXT-STS:task_state": st.task_state,
    "OS-EXT-STS:vm_state": st.vm_state,
    "OS-EXT-STS:power_state": st.power_state,
    "os-extended-volumes:volumes_attached": s.bdms
      .filter((b) => c.now >= s.timeline.bdmDoneAt || !b.createdByNova)
      .map((b) => (atLeast(c.v, "2.3") ? { id: b.volumeId, delete_on_termination: b.deleteOnTermination } : { id: b.volumeId })),
  };
  if (["ACTIVE", "BUILD", "REBUILD", "RESIZE", "VERIFY_RESIZE", "MIGRATING"].includes(st.status)) body.progress = 0;
  if (c.admin) {
    body["OS-EXT-SRV-ATTR:host"] = host;
    body["OS-EXT-SRV-ATTR:hypervisor_hostname"] = host;
    body["OS-EXT-SRV-ATTR:instance_name"] = s.instanceName;
    if (atLeast(c.v, "2.3")) {
      Object.assign(body, {
        "OS-EXT-SRV-ATTR:hostname": s.name.replace(/[^A-Za-z0-9-]/g, "-").toLowerCase(),
        "OS-EXT-SRV-ATTR:kernel_id": "",
        "OS-EXT-SRV-ATTR:launch_index": s.launchIndex,
        "OS-EXT-SRV-ATTR:ramdisk_id": "",
        "OS-EXT-SRV-ATTR:reservation_id": s.reservationId,
        "OS-EXT-SRV-ATTR:root_device_name": failed ? null : "/dev/vda",
        "OS-EXT-SRV-ATTR:user_data": s.userData,
      });
    }
    if (atLeast(c.v, "2.16")) body.host_status = failed ? "" : "UP";
  } else if (atLeast(c.v, "2.90")) body["OS-EXT-SRV-ATTR:hostname"] = s.name.replace(/[^A-Za-z0-9-]/g, "-").toLowerCase();
  if (atLeast(c.v, "2.9")) body.locked = !!s.lock;
  if (atLeast(c.v, "2.19")) body.description = s.description;
  if (atLeast(c.v, "2.26")) body.tags = s.tags;
  if (atLeast(c.v, "2.63")) body.trusted_image_certificates = null;
  if (atLeast(c.v, "2.71") && opts.show) body.server_groups = [];
  if (atLeast(c.v, "2.73")) body.locked_reason = s.lock?.reason ?? null;
  if (atLeast(c.v, "2.96")) body.pinned_availability_zone = null;
  if (atLeast(c.v, "2.100")) body.scheduler_hints = s.schedulerHints;
  if (failed && s.failure) {
    const fault: Record<string, unknown> = {
      code: s.failure.code,
      created: isoSeconds(s.failure.at),
      message: s.failure.message.slice(0, 255),
    };
    if (c.admin || s.failure.code !== 500) fault.details = s.failure.details;
    body.fault = fault;
  }
  return body;
}

export function flavorView(c: ViewCtx, f: Flavor, detail: boolean): Record<string, unknown> {
  const body: Record<string, unknown> = { id: f.id, links: links(c, "flavors", f.id), name: f.name };
  if (atLeast(c.v, "2.55")) body.description = f.description;
  if (!detail) return body;
  Object.assign(body, {
    disk: f.disk,
    "OS-FLV-EXT-DATA:ephemeral": f.ephemeral,
    "os-flavor-access:is_public": f.isPublic,
    ram: f.ram,
    vcpus: f.vcpus,
    swap: f.swap === 0 && !atLeast(c.v, "2.75") ? "" : f.swap,
  });
  if (!atLeast(c.v, "2.102")) Object.assign(body, { "OS-FLV-DISABLED:disabled": f.disabled, rxtx_factor: f.rxtx_factor });
  if (atLeast(c.v, "2.61")) body.extra_specs = f.extraSpecs;
  return body;
}
