import type { SimState } from "../core/state";
import { imageKey, type RbdImage } from "../services/ceph/model";
import { COMPUTE_HOSTS } from "../services/nova/boot";
import { novaQuotas } from "../services/nova/limits";
import { servers, type Flavor, type Server } from "../services/nova/model";
import type { Network } from "../services/neutron/model";
import { projectId, userId } from "./identity";
import { stableUuid } from "./network";

const GiB = 1024 ** 3;

/** A project that holds thousands of servers: no Nova quota. */
export function unlimitedNovaQuota(state: SimState, project: "admin" | "demo"): void {
  novaQuotas(state).put({
    id: projectId(project),
    instances: -1,
    cores: -1,
    ram: -1,
    key_pairs: -1,
    server_groups: -1,
    server_group_members: -1,
    metadata_items: 128,
  });
}

/**
 * Writes RBD images as documents (no per-image rbd work): `put(pool, name, size, created, parent, ownedObjects, snap)`.
 * The scenarios that hold thousands of disks seed with it in one transaction.
 */
export function rbdWriter(state: SimState) {
  const rbd = state.store.collection<RbdImage>("ceph.rbd");
  return (pool: string, name: string, size: number, created: number, parent: RbdImage["parent"], owned: number, snap = false): void => {
    rbd.put({
      id: imageKey(pool, name),
      pool,
      name,
      imageId: stableUuid("rbd", `${pool}/${name}`).replace(/-/g, "").slice(0, 12),
      size,
      created,
      objects: owned > 0 ? [[0, owned]] : [],
      parent,
      snaps: snap ? [{ id: 4, name: "snap", size, protected: true, created, objects: owned > 0 ? [[0, owned]] : [] }] : [],
      nextSnapId: 5,
      stats: { copyups: 0, parentReads: 0 },
    });
  };
}

/**
 * The `n`th of many ACTIVE servers written as documents, its local disk `vms/<id>_disk` a COW clone of the image's
 * `images/<image>@snap`: what `nova boot` leaves after a clone-path boot, without the boot's per-server work.
 * Every 13th is SHUTOFF. `key` makes the ids and names stable across reseeds.
 */
export function putServerDoc(
  state: SimState,
  put: ReturnType<typeof rbdWriter>,
  d: {
    n: number;
    key: string;
    name: string;
    project: "admin" | "demo";
    image: { id: string; size: number };
    flavor: Flavor;
    created: number;
    net: Network | undefined;
  },
): Server {
  const { n, flavor, created, net } = d;
  const id = stableUuid("server", d.key);
  put("vms", `${id}_disk`, flavor.disk * GiB, created, { pool: "images", image: d.image.id, snap: "snap", overlap: d.image.size }, n % 7);
  const octets = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  const s: Server = {
    id,
    name: d.name,
    projectId: projectId(d.project),
    userId: userId(d.project),
    flavorId: flavor.id,
    flavor: {
      vcpus: flavor.vcpus,
      ram: flavor.ram,
      disk: flavor.disk,
      ephemeral: 0,
      swap: 0,
      original_name: flavor.name,
      extra_specs: {},
    },
    imageId: d.image.id,
    keyName: null,
    metadata: {},
    availabilityZone: "nova",
    host: COMPUTE_HOSTS[n % COMPUTE_HOSTS.length],
    instanceName: `instance-${n.toString(16).padStart(8, "0")}`,
    created,
    accessIPv4: "",
    accessIPv6: "",
    description: null,
    userData: null,
    securityGroups: ["default"],
    nics: net
      ? [
          {
            networkId: net.id,
            networkName: net.name,
            addr: `10.${octets.join(".")}`,
            mac: `fa:16:3e:${octets.map((o) => o.toString(16).padStart(2, "0")).join(":")}`,
            portId: stableUuid("port", d.key),
            novaCreated: true,
          },
        ]
      : [],
    bdms: [],
    tags: [],
    launchIndex: 0,
    reservationId: `r-${n.toString(36).padStart(8, "0")}`,
    schedulerHints: {},
    timeline: { scheduledAt: created + 700, bdmDoneAt: created + 900, networkedAt: created + 1900, spawnedAt: created + 4500 },
    failure: null,
    rootDisk: { kind: "local", path: "clone", reason: "cloneable" },
    power: { stoppedAt: n % 13 === 0 ? created + 10_000 : null, rebootUntil: null, rebootType: null, updated: created },
  };
  return servers(state).put(s);
}
