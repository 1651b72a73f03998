import { describe, expect, it } from "vitest";
import { memoryRepo, OBJECT_SIZE, RbdError } from "./model";
import {
  children,
  clone,
  createImage,
  du,
  flatten,
  readObjects,
  removeImage,
  snapCreate,
  snapProtect,
  snapRemove,
  snapUnprotect,
  trashList,
  trashMove,
  trashRemove,
  trashRestore,
  usedBytes,
  writeObjects,
} from "./rbd";
import { count, intersect, normalize, subtract, union } from "./extents";

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

function golden() {
  const repo = memoryRepo();
  createImage(repo, "images", "golden", { size: 64 * MiB, dataBytes: 64 * MiB, created: 1 });
  snapCreate(repo, "images", "golden", "snap", 2);
  return repo;
}
const rbdErr = (fn: () => unknown): RbdError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof RbdError) return e;
    throw e;
  }
  throw new Error("expected an RbdError");
};

describe("extents", () => {
  it("merges, intersects and subtracts ranges", () => {
    expect(
      normalize([
        [5, 8],
        [0, 2],
        [2, 3],
        [7, 10],
      ]),
    ).toEqual([
      [0, 3],
      [5, 10],
    ]);
    expect(
      intersect(
        [[0, 10]],
        [
          [2, 4],
          [8, 12],
        ],
      ),
    ).toEqual([
      [2, 4],
      [8, 10],
    ]);
    expect(subtract([[0, 10]], [[2, 4]])).toEqual([
      [0, 2],
      [4, 10],
    ]);
    expect(count(union([[0, 4]], [[2, 6]]))).toBe(6);
  });
});

describe("rbd image model", () => {
  it("uses 4 MiB objects and thin provisioning", () => {
    const repo = memoryRepo();
    const img = createImage(repo, "volumes", "v", { size: 10 * GiB, created: 0 });
    expect(usedBytes(img)).toBe(0);
    writeObjects(repo, "volumes", "v", 0, 3);
    expect(usedBytes(repo.get("volumes", "v")!)).toBe(3 * OBJECT_SIZE);
    expect(img.size).toBe(10 * GiB);
  });

  it("refuses to clone an unprotected snapshot (clone v1, EINVAL 22)", () => {
    const repo = golden();
    const e = rbdErr(() => clone(repo, { pool: "images", image: "golden", snap: "snap" }, "vms", "vm1_disk", 3));
    expect(e.rc).toBe(22);
    expect(e.cli).toContain("parent snapshot must be protected");
    expect(e.cli).toContain("rbd: clone error: (22) Invalid argument");
  });

  it("clones are free, read through and copy up on first write", () => {
    const repo = golden();
    snapProtect(repo, "images", "golden", "snap");
    const c = clone(repo, { pool: "images", image: "golden", snap: "snap" }, "vms", "vm1_disk", 3, 1 * GiB);
    expect(usedBytes(c)).toBe(0);
    expect(c.parent).toEqual({ pool: "images", image: "golden", snap: "snap", overlap: 64 * MiB });
    expect(readObjects(repo, "vms", "vm1_disk", 0, 4)).toMatchObject({ local: 0, fromParent: 4 });
    expect(readObjects(repo, "vms", "vm1_disk", 16, 4)).toMatchObject({ fromParent: 0, zero: 4 });
    expect(writeObjects(repo, "vms", "vm1_disk", 0, 2).copyups).toBe(2);
    expect(writeObjects(repo, "vms", "vm1_disk", 0, 2).copyups).toBe(0);
    expect(writeObjects(repo, "vms", "vm1_disk", 100, 1).copyups).toBe(0);
    expect(usedBytes(repo.get("vms", "vm1_disk")!)).toBe(3 * OBJECT_SIZE);
    expect(readObjects(repo, "vms", "vm1_disk", 0, 4)).toMatchObject({ local: 2, fromParent: 2 });
  });

  it("reads through a chain of clones", () => {
    const repo = golden();
    snapProtect(repo, "images", "golden", "snap");
    clone(repo, { pool: "images", image: "golden", snap: "snap" }, "vms", "a_disk", 3);
    writeObjects(repo, "vms", "a_disk", 0, 1);
    snapCreate(repo, "vms", "a_disk", "s1", 4);
    snapProtect(repo, "vms", "a_disk", "s1");
    clone(repo, { pool: "vms", image: "a_disk", snap: "s1" }, "images", "inst-snap", 5);
    expect(readObjects(repo, "images", "inst-snap", 0, 16)).toMatchObject({ fromParent: 16, local: 0 });
  });

  it("flatten copies the parent's objects and cuts the link", () => {
    const repo = golden();
    snapProtect(repo, "images", "golden", "snap");
    clone(repo, { pool: "images", image: "golden", snap: "snap" }, "volumes", "vol", 3, 1 * GiB);
    writeObjects(repo, "volumes", "vol", 0, 1);
    expect(flatten(repo, "volumes", "vol").copied).toBe(15);
    const v = repo.get("volumes", "vol")!;
    expect(v.parent).toBeNull();
    expect(usedBytes(v)).toBe(64 * MiB);
    expect(repo.children({ pool: "images", image: "golden", snap: "snap" })).toHaveLength(0);
    const e = rbdErr(() => flatten(repo, "volumes", "vol"));
    expect(e.rc).toBe(22);
    expect(e.python).toBe("[errno 22] RBD invalid argument (error flattening b'vol')");
  });

  it("unprotect with children fails with EBUSY (16), then succeeds once they are gone", () => {
    const repo = golden();
    snapProtect(repo, "images", "golden", "snap");
    clone(repo, { pool: "images", image: "golden", snap: "snap" }, "volumes", "vol", 3);
    const e = rbdErr(() => snapUnprotect(repo, "images", "golden", "snap"));
    expect(e.rc).toBe(16);
    expect(e.cli).toMatch(/cannot unprotect: at least 1 child\(ren\) \[[0-9a-f]{12}\] in pool 'volumes'/);
    expect(e.cli).toContain("rbd: unprotecting snap failed: (16) Device or resource busy");
    expect(e.python).toBe("[errno 16] RBD image is busy (error unprotecting snapshot b'golden'@b'snap')");
    removeImage(repo, "volumes", "vol");
    snapUnprotect(repo, "images", "golden", "snap");
    expect(rbdErr(() => snapUnprotect(repo, "images", "golden", "snap")).rc).toBe(22);
  });

  it("a clone in the trash is no listed child, yet unprotect still fails with EBUSY (as measured on 16.2)", () => {
    const repo = golden();
    snapProtect(repo, "images", "golden", "snap");
    clone(repo, { pool: "images", image: "golden", snap: "snap" }, "vms", "kid", 3);
    const moved = trashMove(repo, "vms", "kid", 4);
    const ref = { pool: "images", image: "golden", snap: "snap" };
    expect(children(repo, ref)).toEqual([]);
    expect(repo.get("vms", "kid")).toBeUndefined();
    expect(trashList(repo, "vms").map((i) => i.imageId)).toEqual([moved.imageId]);
    expect(rbdErr(() => snapUnprotect(repo, "images", "golden", "snap")).rc).toBe(16);
    createImage(repo, "vms", "kid", { size: MiB, created: 5 });
    expect(rbdErr(() => trashRestore(repo, "vms", moved.imageId)).rc).toBe(17);
    expect(trashRestore(repo, "vms", moved.imageId, "kid2").parent).toMatchObject(ref);
    expect(children(repo, ref)).toEqual([{ pool: "vms", pool_namespace: "", image: "kid2" }]);
    trashMove(repo, "vms", "kid2", 6);
    trashRemove(repo, "vms", moved.imageId);
    expect(rbdErr(() => trashRemove(repo, "vms", moved.imageId)).python).toBe(
      "[errno 2] RBD image not found (error deleting image from trash)",
    );
    snapUnprotect(repo, "images", "golden", "snap");
  });

  it("rm of an image with snapshots fails with ENOTEMPTY (39)", () => {
    const repo = golden();
    snapProtect(repo, "images", "golden", "snap");
    const e = rbdErr(() => removeImage(repo, "images", "golden"));
    expect(e.rc).toBe(39);
    expect(e.cli).toBe("rbd: image has snapshots - these must be deleted with 'rbd snap purge' before the image can be removed.");
    const p = rbdErr(() => snapRemove(repo, "images", "golden", "snap"));
    expect(p.rc).toBe(16);
    expect(p.cli).toBe("rbd: snapshot 'snap' is protected from removal.");
    snapUnprotect(repo, "images", "golden", "snap");
    snapRemove(repo, "images", "golden", "snap");
    removeImage(repo, "images", "golden");
    expect(repo.get("images", "golden")).toBeUndefined();
    expect(rbdErr(() => removeImage(repo, "images", "golden")).rc).toBe(2);
  });

  it("du reports provisioned vs used per snapshot and HEAD, with pool totals", () => {
    const repo = golden();
    snapProtect(repo, "images", "golden", "snap");
    clone(repo, { pool: "images", image: "golden", snap: "snap" }, "images", "c", 3, 1 * GiB);
    const d = du(repo, "images");
    expect(d.images).toEqual([
      expect.objectContaining({ name: "golden", snapshot: "snap", provisioned_size: 64 * MiB, used_size: 64 * MiB }),
      expect.objectContaining({ name: "golden", provisioned_size: 64 * MiB, used_size: 0 }),
      expect.objectContaining({ name: "c", provisioned_size: 1 * GiB, used_size: 0 }),
    ]);
    expect(d.total_used_size).toBe(64 * MiB);
  });
});
