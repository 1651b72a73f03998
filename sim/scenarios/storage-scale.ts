import type { SimState } from "../core/state";
import { CLUSTER_FSID, imageKey, objectsFor, type RbdImage } from "../services/ceph/model";
import { glanceImages, rbdUrl } from "../services/glance/model";
import { newImage } from "../services/glance/ops";
import { BACKEND_HOST, seedVolumeTypes, volumes, volumeTypes, type Volume } from "../services/cinder/model";
import { imageMetadata } from "../services/cinder/ops";
import { COMPUTE_HOSTS } from "../services/nova/boot";
import { FLAVORS, seedFlavors, servers, type Server } from "../services/nova/model";
import { novaQuotas } from "../services/nova/limits";
import { neutron } from "../services/neutron/model";
import { projectId, userId } from "./identity";
import { stableUuid } from "./network";

const GiB = 1024 ** 3;
const HOUR = 3_600_000;

/**
 * The benchmark scenario: 1k images, 10k servers (local disks cloned from the raw images) and 5k volumes,
 * written as documents directly (one transaction, no per-item API work) so it seeds in seconds.
 */
export function seedStorageScale(state: SimState): void {
  seedFlavors(state);
  seedVolumeTypes(state);
  const now = state.clock.now();
  const admin = projectId("admin"),
    demo = projectId("demo");
  // The benchmark projects hold thousands of servers: no Nova quota.
  for (const p of [admin, demo])
    novaQuotas(state).put({
      id: p,
      instances: -1,
      cores: -1,
      ram: -1,
      key_pairs: -1,
      server_groups: -1,
      server_group_members: -1,
      metadata_items: 128,
    });
  const rbd = state.store.collection<RbdImage>("ceph.rbd");
  const put = (
    pool: string,
    name: string,
    size: number,
    created: number,
    parent: RbdImage["parent"],
    owned: number,
    snap = false,
  ): void => {
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
  const images = [];
  for (let i = 0; i < 1000; i++) {
    const raw = i % 10 !== 0;
    const id = stableUuid("image", `scale-image-${i}`);
    const size = (raw ? 4 + (i % 8) : 1) * GiB;
    const created = now - (1000 - i) * HOUR;
    put("images", id, size, created, null, objectsFor(size), true);
    images.push(
      glanceImages(state).put(
        newImage(state, admin, {
          id,
          name: `scale-image-${String(i).padStart(4, "0")}`,
          status: "active",
          disk_format: raw ? "raw" : "qcow2",
          container_format: "bare",
          visibility: i % 5 === 0 ? "private" : "public",
          size,
          virtual_size: raw ? size : 4 * GiB,
          min_disk: raw ? size / GiB : 4,
          min_ram: 512,
          checksum: id.replace(/-/g, ""),
          os_hash_algo: "sha512",
          os_hash_value: id.replace(/-/g, "").repeat(4),
          created,
          updated: created,
          locationUrl: rbdUrl(CLUSTER_FSID, "images", id),
          properties: { os_distro: raw ? "centos" : "ubuntu" },
        }),
      ),
    );
  }
  const nets = neutron(state).networks.all().slice(0, 50);
  const rawImages = images.filter((i) => i.disk_format === "raw");
  for (let i = 0; i < 10_000; i++) {
    const id = stableUuid("server", `scale-server-${i}`);
    const img = rawImages[i % rawImages.length];
    const flavor = FLAVORS[1 + (i % 3)];
    const created = now - (10_000 - i) * 60_000;
    const host = COMPUTE_HOSTS[i % COMPUTE_HOSTS.length];
    put("vms", `${id}_disk`, flavor.disk * GiB, created, { pool: "images", image: img.id, snap: "snap", overlap: img.size! }, i % 7);
    const net = nets[i % Math.max(nets.length, 1)];
    const s: Server = {
      id,
      name: `scale-vm-${String(i).padStart(5, "0")}`,
      projectId: i % 4 === 0 ? demo : admin,
      userId: userId(i % 4 === 0 ? "demo" : "admin"),
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
      imageId: img.id,
      keyName: null,
      metadata: {},
      availabilityZone: "nova",
      host,
      instanceName: `instance-${i.toString(16).padStart(8, "0")}`,
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
              addr: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
              mac: `fa:16:3e:${((i >> 16) & 255).toString(16).padStart(2, "0")}:${((i >> 8) & 255).toString(16).padStart(2, "0")}:${(i & 255).toString(16).padStart(2, "0")}`,
              portId: stableUuid("port", `scale-server-${i}`),
              novaCreated: true,
            },
          ]
        : [],
      bdms: [],
      tags: [],
      launchIndex: 0,
      reservationId: `r-${i.toString(36).padStart(8, "0")}`,
      schedulerHints: {},
      timeline: { scheduledAt: created + 700, bdmDoneAt: created + 900, networkedAt: created + 1900, spawnedAt: created + 4500 },
      failure: null,
      rootDisk: { kind: "local", path: "clone", reason: "cloneable" },
      power: { stoppedAt: i % 13 === 0 ? created + 10_000 : null, rebootUntil: null, rebootType: null, updated: created },
    };
    servers(state).put(s);
  }
  const types = volumeTypes(state).all();
  for (let i = 0; i < 5000; i++) {
    const id = stableUuid("volume", `scale-volume-${i}`);
    const fromImage = i % 2 === 0 ? rawImages[i % rawImages.length] : null;
    const size = 10 + (i % 50);
    const created = now - (5000 - i) * 120_000;
    put(
      "volumes",
      `volume-${id}`,
      size * GiB,
      created,
      fromImage ? { pool: "images", image: fromImage.id, snap: "snap", overlap: fromImage.size! } : null,
      i % 5,
    );
    const v: Volume = {
      id,
      projectId: i % 3 === 0 ? demo : admin,
      userId: userId(i % 3 === 0 ? "demo" : "admin"),
      name: `scale-vol-${String(i).padStart(4, "0")}`,
      description: null,
      size,
      typeId: types[i % types.length].id,
      availabilityZone: "nova",
      created,
      path: fromImage ? "clone" : "blank",
      creatingUntil: created + 1000,
      downloadingUntil: null,
      imageId: fromImage?.id ?? null,
      imageMetadata: fromImage ? imageMetadata(fromImage) : null,
      snapshotId: null,
      sourceVolid: null,
      bootable: !!fromImage,
      metadata: {},
      attachments: [],
      host: BACKEND_HOST,
    };
    volumes(state).put(v);
  }
}
