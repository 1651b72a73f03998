import { cinderTime } from "../../openstack/cinder";
import { isInstanceSnapshot } from "../../openstack/glance";
import { flavorFacts, imageFacts, novaWait, type BootIo } from "./gather";
import type { BootOptions } from "./schema";
import { sessionFacts } from "./session-facts";

/**
 * Everything the wizard lists, in one round trip: sources, flavors, networks, groups, key pairs, types, quotas.
 * The images, flavors, default type and quotas are the session's shared facts, so the plans that follow reuse them.
 */
export async function bootOptions(io: BootIo): Promise<BootOptions> {
  const [images, volumes, snapshots, types, defaultType, flavors, keypairs, networks, groups, quotas] = await Promise.all([
    sessionFacts.activeImages(io),
    io.cinder.volumes().then((w) => w.items),
    io.cinder.snapshots().then((w) => w.items),
    io.cinder.types(),
    sessionFacts.defaultType(io).catch(() => null),
    sessionFacts.flavors(io),
    io.nova.keypairs(),
    io.neutron.networks().then((w) => w.items),
    io.neutron.securityGroups(io.session.projectId).then((w) => w.items),
    sessionFacts.quotas(io),
  ]);
  const img = images.map((i) => {
    const f = imageFacts(i);
    return {
      id: f.id,
      name: f.name,
      diskFormat: f.diskFormat,
      size: f.size,
      virtualSize: f.virtualSize,
      minDisk: f.minDisk,
      minRam: f.minRam,
      visibility: i.visibility,
      volumeBacked: !!f.volumeBacked,
      volumeSize: f.volumeBacked?.volumeSize ?? null,
      createdAt: i.created_at,
    };
  });
  const pid = io.session.projectId;
  // Admins list every project's images; offer what this project may boot: public, community, shared with it, its own.
  const usable = (i: (typeof images)[number]) => i.visibility !== "private" || i.owner === pid;
  const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);
  return {
    images: img.filter((_, k) => usable(images[k]) && !isInstanceSnapshot(images[k])).sort(byName),
    instanceSnapshots: img.filter((_, k) => usable(images[k]) && isInstanceSnapshot(images[k])).sort(byName),
    volumes: volumes
      .map((v) => ({
        id: v.id,
        name: v.name ?? "",
        status: v.status,
        size: v.size,
        bootable: v.bootable === "true",
        volumeType: v.volume_type,
        attached: v.attachments.length > 0,
        createdAt: new Date(cinderTime(v.created_at) ?? 0).toISOString(),
      }))
      .sort(byName),
    volumeSnapshots: snapshots
      .map((s) => ({ id: s.id, name: s.name ?? "", status: s.status, size: s.size, volumeId: s.volume_id }))
      .sort(byName),
    flavors: flavors
      .filter((f) => !f["OS-FLV-DISABLED:disabled"])
      .map(flavorFacts)
      .sort((a, b) => a.vcpus - b.vcpus || a.ram - b.ram || a.disk - b.disk || a.name.localeCompare(b.name)),
    // Admins see every project's networks; like Horizon, offer the project's own and the shared ones.
    networks: networks
      .filter((n) => n.shared || (!n["router:external"] && (!n.project_id || n.project_id === pid)))
      .map((n) => ({ id: n.id, name: n.name, status: n.status, shared: n.shared, subnets: n.subnets.length }))
      .sort(byName),
    securityGroups: groups.map((g) => ({ id: g.id, name: g.name, description: g.description ?? "" })).sort(byName),
    keyPairs: keypairs.map((k) => ({ name: k.name, fingerprint: k.fingerprint, type: k.type ?? "ssh" })).sort(byName),
    volumeTypes: types
      .map((t) => ({ id: t.id, name: t.name, description: t.description ?? "", isDefault: t.name === defaultType?.name }))
      .sort(byName),
    defaultVolumeType: defaultType?.name ?? null,
    quotas: {
      compute: quotas.compute!,
      volume: Object.entries(quotas.volume ?? {}).map(([quota, q]) => ({ quota, ...q })),
    },
    novaWait: novaWait(io),
  };
}
