import { describe, expect, it } from "vitest";
import { glanceMetaRecorded, volumeStatus, volumeUpdated } from "./status";
import type { Volume } from "./model";

const vol = (o: Partial<Volume>): Volume => ({
  id: "v",
  projectId: "p",
  userId: "u",
  name: null,
  description: null,
  size: 1,
  typeId: "t",
  availabilityZone: "nova",
  created: 0,
  path: "copy",
  creatingUntil: 100,
  downloadingUntil: 160,
  imageId: "i",
  imageMetadata: null,
  snapshotId: null,
  sourceVolid: null,
  bootable: true,
  metadata: {},
  attachments: [],
  host: "h",
  ...o,
});

describe("volume status from timestamps", () => {
  it("copy path: creating (download) → downloading (convert+import) → available", () => {
    const v = vol({});
    expect(volumeStatus(v, 0)).toBe("creating");
    expect(volumeStatus(v, 99)).toBe("creating");
    expect(volumeStatus(v, 100)).toBe("downloading");
    expect(volumeStatus(v, 160)).toBe("available");
    expect(volumeUpdated(v, 50)).toBeNull();
    expect(volumeUpdated(v, 170)).toBe(160);
  });
  it("clone path never shows downloading", () => {
    const v = vol({ path: "clone", creatingUntil: 10, downloadingUntil: null });
    expect([0, 5, 10, 20].map((t) => volumeStatus(v, t))).toEqual(["creating", "creating", "available", "available"]);
  });
  it("attached volumes are in-use; forced status wins", () => {
    const v = vol({ attachments: [{ attachmentId: "a", serverId: "s", device: "/dev/vda", attachedAt: 200, hostName: "h" }] });
    expect(volumeStatus(v, 199)).toBe("available");
    expect(volumeStatus(v, 200)).toBe("in-use");
    expect(volumeStatus({ ...v, forcedStatus: "error" }, 300)).toBe("error");
  });
});

describe("image metadata is recorded at the end of the create flow", () => {
  it("absent while creating or downloading, present once available, never after an error", () => {
    const v = vol({});
    expect([50, 120, 160].map((t) => glanceMetaRecorded(v, t))).toEqual([false, false, true]);
    expect(glanceMetaRecorded({ ...v, errorAt: 130 }, 200)).toBe(false);
  });
});
