import type { SimState } from "../core/state";
import { rbdRepo } from "../services/ceph/repo";
import { rename } from "../services/ceph/rbd";
import type { GlanceImage } from "../services/glance/model";
import { createVolume } from "../services/cinder/ops";
import { rbdVolumeName, volumes } from "../services/cinder/model";
import { servers, type Server } from "../services/nova/model";
import { projectId, userId } from "./identity";
import { stableUuid } from "./network";

const DAY = 86_400_000;

/**
 * Owners a list walk can hide, each of which owns an RBD image that must never be called an orphan:
 * - `golden-hidden`: an os_hidden Glance image (left out of Glance's default list) with a volume cloned from it;
 * - `trash-web-9`: a SOFT_DELETED server (left out of Nova's default list) whose root disk is still in vms;
 * - `cell2-web-1`: a server in cell2, which /_sim/nova-cells can take down (UNKNOWN at 2.69+, skipped otherwise);
 * - `migrated-data`: a migrated volume whose data is volume-<name_id>, not volume-<id>.
 */
export function seedHiddenOwners(
  state: SimState,
  now: number,
  o: {
    localImage: (f: Partial<GlanceImage> & { id: string; size: number }, created: number) => GlanceImage;
    bootCentos: (name: string, daysAgo: number) => Server;
  },
): void {
  const demo = projectId("demo");
  const GiB = 1024 ** 3;
  const hidden = o.localImage(
    {
      id: stableUuid("image", "golden-hidden"),
      name: "golden-hidden",
      disk_format: "raw",
      size: 2 * GiB,
      virtual_size: 2 * GiB,
      min_disk: 2,
      min_ram: 512,
      os_hidden: true,
      properties: { os_distro: "centos", description: "Hidden from the image list; still the parent of its clones" },
    },
    now - 15 * DAY,
  );
  createVolume(state, {
    id: stableUuid("volume", "hidden-clone-data"),
    projectId: demo,
    userId: userId("demo"),
    name: "hidden-clone-data",
    at: now - 14 * DAY,
    image: hidden,
    size: 4,
  });

  const trash = o.bootCentos("trash-web-9", 13);
  servers(state).put({ ...trash, softDeletedAt: now - DAY });
  const cell2 = o.bootCentos("cell2-web-1", 12);
  servers(state).put({ ...cell2, cell: "cell2" });

  const migrated = createVolume(state, {
    id: stableUuid("volume", "migrated-data"),
    projectId: demo,
    userId: userId("demo"),
    name: "migrated-data",
    at: now - 11 * DAY,
    size: 10,
  });
  const nameId = stableUuid("volume", "migrated-data-destination");
  rename(rbdRepo(state), "volumes", rbdVolumeName(migrated.id), rbdVolumeName(nameId));
  volumes(state).put({ ...migrated, nameId });
}
