import { EMPTY_DRAFT, type BootDraft } from "@/lib/stores/boot-wizard-store";
import type { BootOptions, BootPlan } from "@/lib/queries/boot";
import { flavorUnfit, validateDraft } from "./validation";

const GiB = 1024 ** 3;
const image = { id: "img", name: "centos", diskFormat: "raw", size: 8 * GiB, virtualSize: 8 * GiB, minDisk: 8, minRam: 1024, visibility: "public", volumeBacked: false, volumeSize: null, createdAt: "" };
const flavors = [
  { id: "1", name: "m1.tiny", vcpus: 1, ram: 512, disk: 1 },
  { id: "2", name: "m1.small", vcpus: 1, ram: 2048, disk: 20 },
  { id: "0", name: "m1.bfv", vcpus: 1, ram: 2048, disk: 0 },
];
const options = { images: [image], instanceSnapshots: [], volumes: [], volumeSnapshots: [], flavors } as unknown as BootOptions;
const draft = (over: Partial<BootDraft>): BootDraft => ({ ...EMPTY_DRAFT, ...over });

describe("boot wizard validation", () => {
  it("disables flavors too small for min_ram, and for the disk only when booting to a local disk", () => {
    expect(flavorUnfit(flavors[0], image, false)?.key).toBe("boot.flavor.tooLittleRam");
    expect(flavorUnfit({ ...flavors[1], disk: 5 }, image, false)).toEqual({ key: "boot.flavor.diskTooSmall", vars: { need: 8, have: 5 } });
    expect(flavorUnfit({ ...flavors[1], disk: 5 }, image, true)).toBeNull();
    expect(flavorUnfit(flavors[2], image, false)).toBeNull();
  });
  it("lists what blocks the launch, step by step", () => {
    const problems = validateDraft(draft({}), options, undefined);
    expect(problems.map((p) => [p.step, p.field])).toEqual([["source", "name"], ["source", "source"], ["flavor", "flavorId"], ["networks", "networkIds"]]);
  });
  it("holds the volume size to the plan's minimum and count to 1 for a volume source", () => {
    const plan = { minVolumeGiB: 20, volumeSizeGiB: 5, blockers: [] } as unknown as BootPlan;
    const d = draft({ name: "x", source: { type: "image", id: "img" }, createVolume: true, volumeSize: 5, flavorId: "2", networkIds: ["n"] });
    expect(validateDraft(d, options, plan)).toEqual([expect.objectContaining({ field: "volumeSize", key: "boot.errors.volumeSize", vars: { min: 20 } })]);
    const v = draft({ name: "x", source: { type: "volume", id: "v" }, count: 3, flavorId: "2", networkIds: ["n"] });
    expect(validateDraft(v, options, undefined).map((p) => p.field)).toEqual(["count"]);
  });
  it("names the quota the plan says would be exceeded", () => {
    const plan = { minVolumeGiB: 8, volumeSizeGiB: null, blockers: [{ code: "quota_exceeded", field: null, message: "m", params: { quota: "cores", limit: 20, inUse: 19, requested: 2 } }] } as unknown as BootPlan;
    const d = draft({ name: "x", source: { type: "image", id: "img" }, flavorId: "2", networkIds: ["n"] });
    expect(validateDraft(d, options, plan)).toEqual([expect.objectContaining({ step: "review", key: "boot.errors.quota", vars: expect.objectContaining({ quota: "cores" }) })]);
  });
});
