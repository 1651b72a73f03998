import type { SimState } from "../core/state";
import { CLUSTER_FSID, FOREIGN_FSID } from "../services/ceph/model";
import { rbdRepo } from "../services/ceph/repo";
import { clone, createImage, snapCreate, snapProtect, writeObjects } from "../services/ceph/rbd";
import { glanceImages, rbdUrl, type GlanceImage } from "../services/glance/model";
import { newImage } from "../services/glance/ops";
import { seedVolumeTypes, volumes } from "../services/cinder/model";
import { createSnapshot, createVolume } from "../services/cinder/ops";
import { bootServer, type BdmRequest } from "../services/nova/boot";
import { flavors, seedFlavors, servers } from "../services/nova/model";
import { validateNetworks } from "../services/nova/network";
import { NOVA_QUOTA_DEFAULTS, novaQuotas } from "../services/nova/limits";
import { projectId, userId } from "./identity";
import { stableUuid } from "./network";
import { createHash } from "node:crypto";
import { neutron } from "../services/neutron/model";
import { seedHiddenOwners } from "./storage-owners";

const MiB = 1024 ** 2,
  GiB = 1024 ** 3;
const DAY = 86_400_000;
const hex = (s: string, alg = "md5") => createHash(alg).update(s).digest("hex");

/** The demo images: each exercises one path of the boot wizard. */
export const DEMO_IMAGES = {
  centos: { id: stableUuid("image", "centos-7-raw"), name: "centos-7-raw" },
  ubuntu: { id: stableUuid("image", "ubuntu-22.04-qcow2"), name: "ubuntu-22.04-qcow2" },
  rhel: { id: stableUuid("image", "rhel-9-large-foreign"), name: "rhel-9-large-foreign" },
};

/** A Glance image whose data sits in our `images` pool (upload → rbd import, snap "snap", protect). */
function localImage(state: SimState, f: Partial<GlanceImage> & { id: string; size: number }, created: number): GlanceImage {
  const repo = rbdRepo(state);
  createImage(repo, "images", f.id, { size: f.size, dataBytes: f.size, created });
  snapCreate(repo, "images", f.id, "snap", created);
  snapProtect(repo, "images", f.id, "snap");
  const img = newImage(state, projectId("admin"), {
    status: "active",
    container_format: "bare",
    visibility: "public",
    checksum: hex(f.id),
    os_hash_algo: "sha512",
    os_hash_value: hex(f.id, "sha512"),
    created,
    updated: created,
    locationUrl: rbdUrl(CLUSTER_FSID, "images", f.id),
    ...f,
  });
  return glanceImages(state).put(img);
}

export function seedStorageDefault(state: SimState): void {
  seedFlavors(state);
  seedVolumeTypes(state);
  const now = state.clock.now();
  const admin = projectId("admin"),
    demo = projectId("demo");
  // The demo project's Nova quota was raised above nova.conf's 10 instances / 20 cores.
  novaQuotas(state).put({ id: demo, ...NOVA_QUOTA_DEFAULTS, instances: 20, cores: 40, ram: 102400 });
  const centos = localImage(
    state,
    {
      ...DEMO_IMAGES.centos,
      disk_format: "raw",
      size: 8 * GiB,
      virtual_size: 8 * GiB,
      min_disk: 8,
      min_ram: 512,
      properties: { os_distro: "centos", os_version: "7", hw_disk_bus: "virtio", hw_qemu_guest_agent: "yes" },
    },
    now - 30 * DAY,
  );
  const ubuntu = localImage(
    state,
    {
      ...DEMO_IMAGES.ubuntu,
      disk_format: "qcow2",
      size: 653 * MiB,
      virtual_size: 2.2 * GiB,
      min_disk: 3,
      min_ram: 1024,
      properties: { os_distro: "ubuntu", os_version: "22.04", hw_disk_bus: "virtio" },
    },
    now - 25 * DAY,
  );
  glanceImages(state).put(
    newImage(state, admin, {
      ...DEMO_IMAGES.rhel,
      status: "active",
      disk_format: "raw",
      container_format: "bare",
      visibility: "public",
      size: 30 * GiB,
      virtual_size: 30 * GiB,
      min_disk: 30,
      min_ram: 2048,
      checksum: hex("rhel"),
      os_hash_algo: "sha512",
      os_hash_value: hex("rhel", "sha512"),
      created: now - 20 * DAY,
      updated: now - 20 * DAY,
      properties: { os_distro: "rhel", os_version: "9.3", description: "Replicated from the DR site's Ceph cluster" },
      locationUrl: rbdUrl(FOREIGN_FSID, "images", DEMO_IMAGES.rhel.id),
    }),
  );

  const nets = (project: string, name: string) => {
    const n = neutron(state).networks.find((x) => x.name === name);
    return n ? validateNetworks(state, project, [{ uuid: n.id }]) : [];
  };
  const boot = (
    name: string,
    project: string,
    flavorId: string,
    image: GlanceImage,
    daysAgo: number,
    bdms: BdmRequest[] = [],
    net = "demo-net",
  ) =>
    bootServer(state, {
      id: stableUuid("server", name),
      name,
      projectId: project,
      userId: userId(project === admin ? "admin" : "demo"),
      flavor: flavors(state).get(flavorId)!,
      image,
      bdms,
      networks: nets(project, net),
      keyName: null,
      metadata: {},
      availabilityZone: "nova",
      securityGroups: ["default"],
      description: null,
      userData: null,
      at: now - daysAgo * DAY,
    });

  // Clone path: local disks are COW clones of images/<centos>@snap; a boot volume cloned too.
  const web1 = boot("web-1", demo, "2", centos, 12);
  boot("web-2", demo, "2", centos, 11);
  boot("db-1", demo, "3", centos, 10, [
    { source_type: "image", destination_type: "volume", uuid: centos.id, volume_size: 40, boot_index: 0, delete_on_termination: false },
  ]);
  // Download + convert path (qcow2), which worked, just slowly.
  boot("app-ubuntu-1", demo, "2", ubuntu, 9);
  boot("ops-yw-1", admin, "2", centos, 8, [], "cs1-yw-1");
  // The classic failure: "create new volume" from the large foreign image outlasted Nova's wait.
  boot("rhel-bfv-1", demo, "3", glanceImages(state).get(DEMO_IMAGES.rhel.id)!, 2, [
    {
      source_type: "image",
      destination_type: "volume",
      uuid: DEMO_IMAGES.rhel.id,
      volume_size: 30,
      boot_index: 0,
      delete_on_termination: false,
    },
  ]);

  // Volumes: one cloned, one copied, a blank data volume with a snapshot and a volume restored from it.
  const vol = (name: string, daysAgo: number, o: Partial<Parameters<typeof createVolume>[1]>) =>
    createVolume(state, { id: stableUuid("volume", name), projectId: demo, userId: userId("demo"), name, at: now - daysAgo * DAY, ...o });
  vol("centos-data", 7, { image: centos, size: 20, volumeType: "ceph-ssd" });
  vol("ubuntu-scratch", 6, { image: ubuntu, size: 10 });
  const data = vol("db-data", 7, { size: 100, volumeType: "ceph-hdd", description: "PostgreSQL data" });
  const snap = createSnapshot(state, data, {
    id: stableUuid("snapshot", "db-data-nightly"),
    userId: userId("demo"),
    name: "db-data-nightly",
    at: now - 5 * DAY,
  });
  vol("db-data-restore", 4, { snapshotId: snap.id, size: 100 });

  // Instance snapshot of web-1 (Rbd.direct_snapshot: clone into images, flatten, snap + protect).
  const repo = rbdRepo(state);
  const web1Snap = stableUuid("image", "web-1-snapshot");
  localImage(
    state,
    {
      id: web1Snap,
      name: "web-1-snapshot",
      disk_format: "raw",
      size: 20 * GiB,
      virtual_size: 20 * GiB,
      min_disk: 20,
      min_ram: 512,
      visibility: "private",
      owner: demo,
      properties: {
        image_type: "snapshot",
        instance_uuid: web1.id,
        base_image_ref: centos.id,
        image_location: "snapshot",
        image_state: "available",
        user_id: userId("demo"),
        owner_id: demo,
        owner_project_name: "demo",
        owner_user_name: "demo",
        boot_roles: "member,reader",
        os_distro: "centos",
      },
    },
    now - 3 * DAY,
  );

  // Leftovers of deleted instances (operator notes): old-web-3's disk had a snapshot that an unflattened
  // instance-snapshot image still clones, so `rbd rm vms/<id>_disk` failed and the chain keeps centos busy.
  const oldId = stableUuid("server", "old-web-3");
  clone(repo, { pool: "images", image: centos.id, snap: "snap" }, "vms", `${oldId}_disk`, now - 60 * DAY, 20 * GiB);
  writeObjects(repo, "vms", `${oldId}_disk`, 0, 300);
  const legacySnapId = stableUuid("image", "old-web-3-snapshot");
  snapCreate(repo, "vms", `${oldId}_disk`, legacySnapId, now - 40 * DAY);
  snapProtect(repo, "vms", `${oldId}_disk`, legacySnapId);
  clone(repo, { pool: "vms", image: `${oldId}_disk`, snap: legacySnapId }, "images", legacySnapId, now - 40 * DAY);
  snapCreate(repo, "images", legacySnapId, "snap", now - 40 * DAY);
  snapProtect(repo, "images", legacySnapId, "snap");
  glanceImages(state).put(
    newImage(state, demo, {
      id: legacySnapId,
      name: "old-web-3-snapshot",
      status: "active",
      disk_format: "raw",
      container_format: "bare",
      visibility: "private",
      size: 20 * GiB,
      virtual_size: 20 * GiB,
      min_disk: 20,
      min_ram: 512,
      checksum: hex(legacySnapId),
      os_hash_algo: "sha512",
      os_hash_value: hex(legacySnapId, "sha512"),
      created: now - 40 * DAY,
      updated: now - 40 * DAY,
      locationUrl: rbdUrl(CLUSTER_FSID, "images", legacySnapId),
      properties: {
        image_type: "snapshot",
        instance_uuid: oldId,
        base_image_ref: centos.id,
        image_location: "snapshot",
        image_state: "available",
        owner_id: demo,
      },
    }),
  );
  // tmp-build-7: deleted; its disk kept a protected snapshot whose Glance image was deleted later (no children).
  const tmpId = stableUuid("server", "tmp-build-7");
  clone(repo, { pool: "images", image: centos.id, snap: "snap" }, "vms", `${tmpId}_disk`, now - 50 * DAY, 20 * GiB);
  writeObjects(repo, "vms", `${tmpId}_disk`, 0, 120);
  snapCreate(repo, "vms", `${tmpId}_disk`, stableUuid("image", "tmp-build-7-snapshot"), now - 45 * DAY);
  snapProtect(repo, "vms", `${tmpId}_disk`, stableUuid("image", "tmp-build-7-snapshot"));

  seedHiddenOwners(state, now, {
    localImage: (f, created) => localImage(state, f, created),
    bootCentos: (name, daysAgo) => boot(name, demo, "2", centos, daysAgo),
  });

  // Let running guests have written to their disks (copy-up from the image snapshot).
  for (const s of servers(state).all()) {
    if (repo.get("vms", `${s.id}_disk`)?.parent) writeObjects(repo, "vms", `${s.id}_disk`, 0, 64);
  }
  void volumes;
}
