import type { SimState } from "../../core/state";
import { uuid } from "../../core/ids";
import { CLUSTER_FSID } from "../ceph/model";
import { rbdRepo } from "../ceph/repo";
import { clone, flatten, snapCreate, snapProtect, snapRemove, snapUnprotect } from "../ceph/rbd";
import { glanceImages, rbdUrl } from "../glance/model";
import { newImage } from "../glance/ops";
import { createSnapshot, liveVolume } from "../cinder/ops";
import type { AuthContext } from "../../core/token-auth";
import type { Server } from "./model";

/**
 * POST /servers/{id}/action {"createImage": ...}.
 * Image-backed: libvirt's Rbd.direct_snapshot (snap + protect the disk, clone into images/<new id>, flatten,
 * drop the temporary snapshot, then snap "snap" + protect). Volume-backed: a Cinder snapshot per volume
 * and an image with no data whose block_device_mapping property is a JSON string.
 */
export function createServerImage(state: SimState, a: AuthContext, s: Server, name: string, metadata: Record<string, string>): string {
  const now = state.clock.now();
  const id = uuid();
  const base = glanceImages(state).get(s.imageId);
  const props: Record<string, string> = {
    ...Object.fromEntries(Object.entries(base?.properties ?? {}).filter(([k]) => k.startsWith("hw_") || k.startsWith("os_"))),
    ...metadata, image_type: "snapshot", instance_uuid: s.id, user_id: a.userId, owner_id: s.projectId,
    image_location: "snapshot", image_state: "available", owner_project_name: a.projectName, owner_user_name: a.userName,
    boot_roles: a.roles.join(","),
  };
  if (s.imageId) props.base_image_ref = s.imageId;
  const visibility = a.projectId === s.projectId ? "private" : "shared";
  if (s.rootDisk.kind === "local") {
    const repo = rbdRepo(state);
    const disk = `${s.id}_disk`;
    const tmp = uuid().replace(/-/g, "");
    snapCreate(repo, "vms", disk, tmp, now);
    snapProtect(repo, "vms", disk, tmp);
    clone(repo, { pool: "vms", image: disk, snap: tmp }, "images", id, now);
    flatten(repo, "images", id);
    snapUnprotect(repo, "vms", disk, tmp);
    snapRemove(repo, "vms", disk, tmp);
    snapCreate(repo, "images", id, "snap", now);
    snapProtect(repo, "images", id, "snap");
    const img = repo.get("images", id)!;
    glanceImages(state).put(newImage(state, s.projectId, {
      id, name, status: "active", disk_format: "raw", container_format: "bare", visibility, size: img.size, virtual_size: img.size,
      min_disk: s.flavor.disk, min_ram: base?.min_ram ?? 0, checksum: null, os_hash_algo: null, os_hash_value: null,
      locationUrl: rbdUrl(CLUSTER_FSID, "images", id), properties: props, owner: s.projectId,
    }));
    return id;
  }
  const mappings = s.bdms.map((b) => {
    const v = liveVolume(state, b.volumeId);
    const snap = v ? createSnapshot(state, v, { userId: a.userId, name: `snapshot for ${name}`, description: "", force: true }) : null;
    return {
      boot_index: b.bootIndex, source_type: "snapshot", destination_type: "volume", snapshot_id: snap?.id ?? null, volume_size: v?.size ?? null,
      delete_on_termination: b.deleteOnTermination, device_name: b.device, guest_format: null, device_type: "disk", disk_bus: "virtio",
      no_device: null, volume_id: null, image_id: null, tag: null, volume_type: null,
    };
  });
  glanceImages(state).put(newImage(state, s.projectId, {
    id, name, status: "active", disk_format: null, container_format: null, visibility, size: 0, virtual_size: null,
    min_disk: 0, min_ram: base?.min_ram ?? 0, owner: s.projectId,
    properties: { ...props, bdm_v2: "True", root_device_name: "/dev/vda", block_device_mapping: JSON.stringify(mappings) },
  }));
  return id;
}
