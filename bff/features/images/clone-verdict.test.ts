import { cloneVerdict, withCloneVerdicts } from "./clone-verdict";
import type { ImageSummary } from "./schema";

const img = (o: Partial<ImageSummary>): ImageSummary => ({
  id: "i",
  name: "n",
  status: "active",
  diskFormat: "raw",
  containerFormat: "bare",
  sizeBytes: 1,
  virtualSizeBytes: 1,
  minDiskGiB: 0,
  minRamMiB: 0,
  visibility: "public",
  protected: false,
  snapshot: false,
  volumeBacked: false,
  copiedNotCloned: false,
  created: "",
  transient: false,
  ...o,
});

describe("Images page clone label: the boot plan's rule", () => {
  it("clone only when raw and images/<id>@snap is protected in this cluster", () => {
    expect(cloneVerdict(img({}), "found-protected")).toBe("clone");
    expect(cloneVerdict(img({}), "absent")).toBe("copy");
    expect(cloneVerdict(img({}), "found-no-snap")).toBe("copy");
    expect(cloneVerdict(img({}), "found-unprotected")).toBe("unknown");
    expect(cloneVerdict(img({}), "unknown")).toBe("unknown");
    expect(cloneVerdict(img({}), null)).toBe("unknown");
    expect(cloneVerdict(img({ diskFormat: "qcow2" }), "found-protected")).toBe("copy");
    expect(cloneVerdict(img({ volumeBacked: true }), "found-protected")).toBeNull();
    expect(cloneVerdict(img({ diskFormat: null }), null)).toBeNull();
  });
  it("asks Ceph once per active raw image on the page, and a failed ask is unknown", async () => {
    const asked: string[] = [];
    const items = [img({ id: "a" }), img({ id: "b", diskFormat: "qcow2" }), img({ id: "c", status: "queued" }), img({ id: "d" })];
    const out = await withCloneVerdicts(items, async (id) => {
      asked.push(id);
      if (id === "d") throw new Error("down");
      return "found-protected";
    });
    expect(asked.sort()).toEqual(["a", "d"]);
    expect(out.map((i) => i.cloneVerdict)).toEqual(["clone", "copy", "unknown", "unknown"]);
  });
});
