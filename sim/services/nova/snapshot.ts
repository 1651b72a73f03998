import type { SimState } from "../../core/state";
import { uuid } from "../../core/ids";
import { CLUSTER_FSID } from "../ceph/model";
import { rbdRepo } from "../ceph/repo";
import { clone, flatten, snapCreate, snapProtect, snapRemove, snapUnprotect } from "../ceph/rbd";
import { glanceImages, rbdUrl } from "../glance/model";
import { newImage, uploadBytes } from "../glance/ops";
import { createSnapshot, liveVolume } from "../cinder/ops";
import type { AuthContext } from "../keystone/token-auth";
import type { Server } from "./model";

/**
 * POST /servers/{id}/action {"createImage": ...}.
 * Image-backed: libvirt's Rbd.direct_snapshot (snap + protect the disk, clone into images/<new id>, flatten,
 * drop the temporary snapshot, then snap "snap" + protect). Volume-backed: a Cinder snapshot per volume
 * and an image with no data whose block_device_mapping property is a JSON string (createVolumeBackedImage).
 */
export function createServerImage(state: SimState, a: AuthContext, s: Server, name: string, metadata: Record<string, string>): string {
  const now = state.clock.now();
  const id = uuid();
  const base = glanceImages(state).get(s.imageId);
  const props: Record<string, string> = {
    ...Object.fromEntries(Object.entries(base?.properties ?? {}).filter(([k]) => k.startsWith("hw_") || k.startsWith("os_"))),
    ...metadata,
    image_type: "snapshot",
    instance_uuid: s.id,
    user_id: a.userId,
    owner_id: s.projectId,
    image_location: "snapshot",
    image_state: "available",
    owner_project_name: a.projectName,
    owner_user_name: a.userName,
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
    glanceImages(state).put(
      newImage(state, s.projectId, {
        id,
        name,
        status: "active",
        disk_format: "raw",
        container_format: "bare",
        visibility,
        size: img.size,
        virtual_size: img.size,
        min_disk: s.flavor.disk,
        min_ram: base?.min_ram ?? 0,
        checksum: null,
        os_hash_algo: null,
        os_hash_value: null,
        locationUrl: rbdUrl(CLUSTER_FSID, "images", id),
        properties: props,
        owner: s.projectId,
      }),
    );
    return id;
  }
  return createVolumeBackedImage(state, a, s, id, name, metadata, visibility);
}

/**
 * nova/compute/api.py snapshot_volume_backed, as real Zed answers (observed on the real tier): the properties
 * are only what the instance inherited (base_image_ref "" for a boot from volume) plus the mapping, with no
 * image_type, instance_uuid, image_location or user_id; size 0. Nova sends no disk/container format, so Glance
 * takes the default qcow2/bare, and Nova uploads zero bytes: Glance's RBD store creates the 0-byte RBD image
 * images/<id> with a protected "snap", and the image is active with the empty payload's checksums.
 */
function createVolumeBackedImage(
  state: SimState,
  a: AuthContext,
  s: Server,
  id: string,
  name: string,
  metadata: Record<string, string>,
  visibility: "private" | "shared",
): string {
  const root = s.bdms.find((b) => b.bootIndex === 0) ?? s.bdms[0];
  const inherited = (root && liveVolume(state, root.volumeId)?.imageMetadata) || {};
  const mappings = s.bdms.map((b) => {
    const v = liveVolume(state, b.volumeId);
    const snap = v ? createSnapshot(state, v, { userId: a.userId, name: `snapshot for ${name}`, description: "", force: true }) : null;
    return {
      volume_id: null,
      volume_type: null,
      device_name: b.device,
      image_id: null,
      disk_bus: "virtio",
      encryption_format: null,
      destination_type: "volume",
      no_device: null,
      delete_on_termination: b.deleteOnTermination,
      guest_format: null,
      snapshot_id: snap?.id ?? null,
      source_type: "snapshot",
      device_type: "disk",
      encryption_options: null,
      tag: null,
      encrypted: null,
      boot_index: b.bootIndex,
      volume_size: v?.size ?? null,
      encryption_secret_uuid: null,
    };
  });
  const props: Record<string, string> = {
    ...Object.fromEntries(Object.entries(inherited).filter(([k]) => k.startsWith("hw_") || k.startsWith("os_"))),
    ...metadata,
    base_image_ref: "",
    owner_user_name: a.userName,
    owner_project_name: a.projectName,
    boot_roles: a.roles.join(","),
    root_device_name: root?.device ?? "/dev/vda",
    block_device_mapping: JSON.stringify(mappings),
    bdm_v2: "True",
  };
  const img = newImage(state, s.projectId, {
    id,
    name,
    status: "queued",
    disk_format: "qcow2",
    container_format: "bare",
    visibility,
    size: null,
    virtual_size: null,
    min_disk: s.flavor.disk,
    min_ram: 0,
    owner: s.projectId,
    properties: props,
  });
  glanceImages(state).put(img);
  uploadBytes(state, img, new Uint8Array(0));
  return id;
}
