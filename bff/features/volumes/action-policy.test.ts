import { describe, expect, it } from "vitest";
import { volumeActionState, volumeActionStates } from "./action-policy";
import { createBody, imageMinGiB } from "./volume-ops";
import { volumeSource } from "./volume-detail";
import type { CinderVolume } from "../../openstack/cinder";

const v = (status: string, attachments = 0, snapshots = 0) => ({ status, attachments, snapshots });

describe("volume action policy", () => {
  it("an available volume with nothing hanging on it allows everything but detach", () => {
    const s = Object.fromEntries(volumeActionStates(v("available")).map((a) => [a.action, a.reason]));
    expect(s).toEqual({ extend: null, retype: null, snapshot: null, attach: null, detach: "not_attached", delete: null });
  });

  it("refuses delete while attached, then while it has snapshots, with the counts in the sentence", () => {
    expect(volumeActionState("delete", v("in-use", 1, 2))).toMatchObject({
      enabled: false,
      reason: "attached",
      message: "Delete: the volume is attached to 1 instance(s); detach it first",
    });
    expect(volumeActionState("delete", v("available", 0, 2))).toMatchObject({
      enabled: false,
      reason: "has_snapshots",
      message: "Delete: the volume has 2 snapshot(s); delete them first",
      params: { snapshots: 2 },
    });
  });

  it("an in-use volume may be extended, retyped, snapshotted and detached, not attached again", () => {
    const s = Object.fromEntries(volumeActionStates(v("in-use", 1)).map((a) => [a.action, a.enabled]));
    expect(s).toEqual({ extend: true, retype: true, snapshot: true, attach: false, detach: true, delete: false });
  });

  it("a volume Cinder is still moving along allows nothing; one being deleted says so", () => {
    for (const st of ["creating", "downloading", "extending", "attaching", "error"])
      for (const a of volumeActionStates(v(st)).filter((x) => x.action !== "delete" || st !== "error"))
        expect(a.enabled, `${st}/${a.action}`).toBe(false);
    expect(volumeActionState("delete", v("error")).enabled).toBe(true);
    expect(volumeActionState("extend", v("deleting")).reason).toBe("deleting");
  });
});

describe("volume create body and source", () => {
  it("maps each source to Cinder's field; a blank volume has only its size", () => {
    expect(createBody({ name: "a", source: { type: "blank" }, sizeGiB: 3 }, 3)).toEqual({ name: "a", size: 3 });
    expect(createBody({ name: "", source: { type: "image", id: "i" } }, 8)).toEqual({ name: null, size: 8, imageRef: "i" });
    expect(createBody({ name: "s", source: { type: "snapshot", id: "x" }, volumeType: "ceph-ssd" }, undefined)).toEqual({
      name: "s",
      snapshot_id: "x",
      volume_type: "ceph-ssd",
    });
    expect(createBody({ name: "v", source: { type: "volume", id: "y" } }, undefined)).toEqual({ name: "v", source_volid: "y" });
  });

  it("an image needs at least its virtual size in GiB and its min_disk", () => {
    expect(imageMinGiB({ size: 300 * 1024 ** 2, virtual_size: 10 * 1024 ** 3, min_disk: 0 })).toBe(10);
    expect(imageMinGiB({ size: 1, virtual_size: null, min_disk: 20 })).toBe(20);
    expect(imageMinGiB({ size: null })).toBe(1);
  });

  it("names the source from Cinder's own fields", () => {
    const base = { attachments: [] } as unknown as CinderVolume;
    expect(volumeSource({ ...base, snapshot_id: "s" })).toEqual({ type: "snapshot", id: "s" });
    expect(volumeSource({ ...base, source_volid: "v" })).toEqual({ type: "volume", id: "v" });
    expect(volumeSource({ ...base, volume_image_metadata: { image_id: "i" } })).toEqual({ type: "image", id: "i" });
    expect(volumeSource(base)).toEqual({ type: "blank", id: null });
  });
});
