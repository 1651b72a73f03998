import { imagePatch } from "./image-patch";
import { importCapability } from "./import-capability";

const current = {
  name: "a",
  visibility: "private",
  protected: false,
  minDiskGiB: 0,
  minRamMiB: 0,
  properties: { os_distro: "ubuntu", hw_qemu_guest_agent: "no" },
};

describe("imagePatch", () => {
  it("sends only what changed: attributes replaced, properties added, removals only of present keys", () => {
    expect(
      imagePatch(
        {
          name: "a",
          visibility: "shared",
          protected: true,
          minDiskGiB: 2,
          setProperties: { os_distro: "ubuntu", hw_qemu_guest_agent: "yes", x: "1" },
          removeProperties: ["gone", "os_distro"],
        },
        current,
      ),
    ).toEqual([
      { op: "replace", path: "/visibility", value: "shared" },
      { op: "replace", path: "/protected", value: true },
      { op: "replace", path: "/min_disk", value: 2 },
      { op: "add", path: "/hw_qemu_guest_agent", value: "yes" },
      { op: "add", path: "/x", value: "1" },
    ]);
    expect(imagePatch({ removeProperties: ["os_distro"] }, current)).toEqual([{ op: "remove", path: "/os_distro" }]);
    expect(imagePatch({}, current)).toEqual([]);
  });
});

describe("importCapability", () => {
  it("offers Convert to raw only with glance-direct and a declared raw conversion, else names what is missing", () => {
    expect(importCapability(["glance-direct", "web-download"], "raw").convert).toEqual({
      available: true,
      outputFormat: "raw",
      reason: null,
    });
    expect(importCapability(["glance-direct"], undefined).convert).toMatchObject({ available: false, reason: "conversion_not_declared" });
    expect(importCapability(["web-download"], "raw")).toMatchObject({
      webDownload: true,
      convert: { available: false, reason: "no_glance_direct" },
    });
    expect(importCapability(["glance-direct"], "qcow2").convert).toMatchObject({ available: false, reason: "conversion_not_declared" });
  });
});
