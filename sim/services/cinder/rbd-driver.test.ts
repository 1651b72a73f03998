import { describe, expect, it } from "vitest";
import { memoryRepo } from "../ceph/model";
import { createImage } from "../ceph/rbd";
import { cloneVolume, deleteVolumeImage } from "./rbd-driver";

const GiB = 1024 ** 3;
const names = (repo: ReturnType<typeof memoryRepo>) =>
  repo
    .all()
    .map((i) => i.name)
    .sort();

describe("Cinder RBD driver naming (sim)", () => {
  it("clones through <dest>.clone_snap; deleting the source renames it .deleted; the last clone takes it along", () => {
    const repo = memoryRepo();
    createImage(repo, "volumes", "volume-a", { size: GiB, created: 0 });
    cloneVolume(repo, "volume-a", "volume-b", 1, GiB);
    expect(repo.get("volumes", "volume-a")!.snaps.map((s) => [s.name, s.protected])).toEqual([["volume-b.clone_snap", true]]);
    expect(repo.get("volumes", "volume-b")!.parent).toMatchObject({ image: "volume-a", snap: "volume-b.clone_snap" });

    deleteVolumeImage(repo, "volume-a");
    expect(names(repo)).toEqual(["volume-a.deleted", "volume-b"]);
    expect(repo.get("volumes", "volume-b")!.parent).toMatchObject({ image: "volume-a.deleted" });

    deleteVolumeImage(repo, "volume-b");
    expect(names(repo)).toEqual([]);
  });

  it("walks up a chain of hidden parents", () => {
    const repo = memoryRepo();
    createImage(repo, "volumes", "volume-a", { size: GiB, created: 0 });
    cloneVolume(repo, "volume-a", "volume-b", 1, GiB);
    cloneVolume(repo, "volume-b", "volume-c", 2, GiB);
    deleteVolumeImage(repo, "volume-a");
    deleteVolumeImage(repo, "volume-b");
    expect(names(repo)).toEqual(["volume-a.deleted", "volume-b.deleted", "volume-c"]);
    deleteVolumeImage(repo, "volume-c");
    expect(names(repo)).toEqual([]);
  });

  it("flattens past rbd_max_clone_depth and drops the clone_snap", () => {
    const repo = memoryRepo();
    createImage(repo, "volumes", "volume-0", { size: GiB, created: 0 });
    for (let i = 1; i <= 6; i++) cloneVolume(repo, `volume-${i - 1}`, `volume-${i}`, i, GiB);
    expect(repo.get("volumes", "volume-6")!.parent).toBeNull();
    expect(repo.get("volumes", "volume-5")!.snaps).toEqual([]);
  });
});
