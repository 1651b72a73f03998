import { describe, expect, it } from "vitest";
import { CLONE_SECONDS, copySeconds, copyStages } from "./timing";
import { parseRbdUrl } from "../ceph/rbd-url";

const MiB = 1024 * 1024;

describe("copy timing fitted to the measured runs", () => {
  it("256 MiB qcow2: downloading at ~2.5 s, available at ~4.1 s", () => {
    const s = copyStages({ size: 256 * MiB, virtual_size: 256 * MiB, disk_format: "qcow2" });
    expect(s.download).toBeCloseTo(2.5, 1);
    expect(copySeconds(s)).toBeGreaterThan(3.8);
    expect(copySeconds(s)).toBeLessThan(4.5);
  });
  it("1 GiB qcow2 with 896 MiB data: download 6-7.5 s, convert ~2.3 s, import ~1.7 s", () => {
    const s = copyStages({ size: 896 * MiB, virtual_size: 1024 * MiB, disk_format: "qcow2" });
    expect(s.download).toBeGreaterThan(6);
    expect(s.download).toBeLessThanOrEqual(7.5);
    expect(s.convert).toBeCloseTo(2.5, 0);
    expect(s.import).toBeCloseTo(2, 0);
  });
  it("a clone is a near-constant second", () => expect(CLONE_SECONDS).toBeLessThan(1.5));
});

describe("parseRbdUrl (nova/cinder _parse_location)", () => {
  it("accepts the four-part form and rejects the rest", () => {
    expect(parseRbdUrl("rbd://f/images/i/snap")).toEqual({ fsid: "f", pool: "images", image: "i", snap: "snap" });
    expect(parseRbdUrl("rbd://i")).toMatch(/not an rbd snapshot/);
    expect(parseRbdUrl("rbd://f//i/snap")).toMatch(/blank components/);
    expect(parseRbdUrl("file:///var/lib/glance/images/i")).toMatch(/not stored in rbd/);
  });
});
