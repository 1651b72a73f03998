import type { CinderVolume } from "../../openstack/cinder";
import type { NovaServer, NovaVolumeAttachment } from "../../openstack/nova";
import { actionPolicy, isTransient } from "./action-policy";
import { novaFaultReason } from "./nova-fault";
import type { InstanceAddress, InstanceDetail, InstanceSummary } from "./schema";

/** Nova's naive launched_at ("2026-01-01T00:00:00.000000") as ISO UTC. */
const isoUtc = (t: string | null | undefined): string | null => {
  if (!t) return null;
  const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(t) ? t : `${t}Z`);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
};

export function addressesOf(s: NovaServer): InstanceAddress[] {
  return Object.entries(s.addresses ?? {}).flatMap(([network, list]) =>
    list.map((a) => ({ network, addr: a.addr, version: a.version, type: a["OS-EXT-IPS:type"] ?? null })),
  );
}

export function toInstanceSummary(s: NovaServer, imageNames: ReadonlyMap<string, string | null>): InstanceSummary {
  const taskState = s["OS-EXT-STS:task_state"] ?? null;
  const imageId = s.image && typeof s.image === "object" ? s.image.id : null;
  const faultMessage = s.status.toUpperCase() === "ERROR" ? (s.fault?.message ?? null) : null;
  return {
    id: s.id,
    name: s.name,
    status: s.status,
    taskState,
    vmState: s["OS-EXT-STS:vm_state"] ?? null,
    image: imageId ? { id: imageId, name: imageNames.get(imageId) ?? null } : null,
    bootFromVolume: !imageId,
    locked: !!s.locked,
    flavor: {
      name: s.flavor?.original_name ?? s.flavor?.id ?? null,
      vcpus: s.flavor?.vcpus ?? null,
      ramMiB: s.flavor?.ram ?? null,
      diskGiB: s.flavor?.disk ?? null,
    },
    addresses: addressesOf(s),
    created: isoUtc(s.created) ?? s.created,
    faultMessage,
    faultReason: faultMessage ? novaFaultReason(faultMessage) : null,
    transient: isTransient({ status: s.status, taskState }),
    actions: actionPolicy({
      status: s.status,
      taskState,
      vmState: s["OS-EXT-STS:vm_state"] ?? null,
      locked: !!s.locked,
      bootFromVolume: !imageId,
    }),
  };
}

export function toInstanceDetail(
  s: NovaServer,
  imageNames: ReadonlyMap<string, string | null>,
  attachments: NovaVolumeAttachment[],
  volumes: ReadonlyMap<string, CinderVolume | null>,
): Omit<InstanceDetail, "unavailable"> {
  const summary = toInstanceSummary(s, imageNames);
  const dot = new Map((s["os-extended-volumes:volumes_attached"] ?? []).map((v) => [v.id, v.delete_on_termination ?? null]));
  const ids = [...new Set([...attachments.map((a) => a.volumeId), ...dot.keys()])];
  const deviceOf = (id: string) =>
    attachments.find((a) => a.volumeId === id)?.device ?? volumes.get(id)?.attachments.find((a) => a.server_id === s.id)?.device ?? null;
  // Nova names the root device only to admins; otherwise the boot volume is the first device (vda before vdb).
  const devices = ids
    .map(deviceOf)
    .filter((d): d is string => !!d)
    .sort();
  const rootDevice = summary.bootFromVolume ? (s["OS-EXT-SRV-ATTR:root_device_name"] ?? devices[0] ?? null) : null;
  return {
    ...summary,
    fault:
      s.status.toUpperCase() === "ERROR" && s.fault
        ? { code: s.fault.code, message: s.fault.message, details: s.fault.details ?? null, created: isoUtc(s.fault.created) }
        : null,
    updated: isoUtc(s.updated),
    launchedAt: isoUtc(s["OS-SRV-USG:launched_at"]),
    keyName: s.key_name ?? null,
    availabilityZone: s["OS-EXT-AZ:availability_zone"] ?? null,
    securityGroups: [...new Set((s.security_groups ?? []).map((g) => g.name))],
    metadata: s.metadata ?? {},
    volumes: ids.map((id) => {
      const v = volumes.get(id) ?? null;
      const att = attachments.find((a) => a.volumeId === id);
      const device = deviceOf(id);
      return {
        id,
        name: v?.name || null,
        sizeGiB: v?.size ?? null,
        status: v?.status ?? null,
        device,
        deleteOnTermination: dot.get(id) ?? att?.delete_on_termination ?? null,
        bootable: v ? v.bootable === "true" : null,
        root: rootDevice !== null && device === rootDevice,
      };
    }),
  };
}
