import type { SimState } from "../core/state";
import { CLUSTER_FSID, objectsFor } from "../services/ceph/model";
import { glanceImages, rbdUrl } from "../services/glance/model";
import { newImage } from "../services/glance/ops";
import { BACKEND_HOST, seedVolumeTypes, volumes, volumeTypes, type Volume } from "../services/cinder/model";
import { imageMetadata } from "../services/cinder/ops";
import { FLAVORS, seedFlavors } from "../services/nova/model";
import { neutron } from "../services/neutron/model";
import { projectId, userId } from "./identity";
import { stableUuid } from "./network";
import { putServerDoc, rbdWriter, unlimitedNovaQuota } from "./server-docs";

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
  for (const p of ["admin", "demo"] as const) unlimitedNovaQuota(state, p);
  const put = rbdWriter(state);
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
    const img = rawImages[i % rawImages.length];
    putServerDoc(state, put, {
      n: i,
      key: `scale-server-${i}`,
      name: `scale-vm-${String(i).padStart(5, "0")}`,
      project: i % 4 === 0 ? "demo" : "admin",
      image: { id: img.id, size: img.size! },
      flavor: FLAVORS[1 + (i % 3)],
      created: now - (10_000 - i) * 60_000,
      net: nets[i % Math.max(nets.length, 1)],
    });
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
