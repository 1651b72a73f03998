import { toImageSummary } from "./map-image";
import type { GlanceImage } from "../../openstack/glance";

/** The Glance record real Zed wrote for `server image create` of a boot-from-volume server (real tier, 2026-11-30). */
const volumeBackedSnapshot = {
  id: "82a233a1-190c-4ec2-8563-2d1a9482868d",
  name: "bfv-snap",
  status: "active",
  disk_format: "qcow2",
  container_format: "bare",
  size: 0,
  virtual_size: null,
  min_disk: 1,
  min_ram: 0,
  visibility: "private",
  protected: false,
  owner: "6653c4c3c53149bd82460793187f87ae",
  created_at: "2026-11-30T04:05:34Z",
  updated_at: "2026-11-30T04:05:35Z",
  os_distro: "zenith-test",
  base_image_ref: "",
  owner_user_name: "demo",
  owner_project_name: "demo",
  boot_roles: "member,reader",
  root_device_name: "/dev/sda",
  bdm_v2: "True",
  block_device_mapping:
    '[{"destination_type": "volume", "snapshot_id": "a7ad8f4b-4f74-4e26-bbb2-5f8b9da65c05", "source_type": "snapshot", "boot_index": 0, "volume_size": 1}]',
  direct_url: "rbd://97db2257-6313-4cf2-bba8-584b05ff3542/images/82a233a1-190c-4ec2-8563-2d1a9482868d/snap",
} as GlanceImage;

describe("toImageSummary", () => {
  it("knows a volume-backed instance snapshot by its block_device_mapping, though real Nova sets no image_type", () => {
    expect(volumeBackedSnapshot.image_type).toBeUndefined();
    expect(toImageSummary(volumeBackedSnapshot)).toMatchObject({ snapshot: true, volumeBacked: true, copiedNotCloned: null, sizeBytes: 0 });
    const { block_device_mapping: _, ...bdmV2Only } = volumeBackedSnapshot;
    expect(toImageSummary(bdmV2Only as GlanceImage)).toMatchObject({ snapshot: true, volumeBacked: true });
  });
  it("keeps image-backed snapshots and plain images as they were", () => {
    const plain = { ...volumeBackedSnapshot, block_device_mapping: undefined, bdm_v2: undefined, size: 1024 } as GlanceImage;
    expect(toImageSummary(plain)).toMatchObject({ snapshot: false, volumeBacked: false, copiedNotCloned: true });
    expect(toImageSummary({ ...plain, image_type: "snapshot", disk_format: "raw" })).toMatchObject({
      snapshot: true,
      volumeBacked: false,
      copiedNotCloned: false,
    });
  });
});
