import { EMPTY_DRAFT, type BootDraft } from "@/lib/stores/boot-wizard-store";
import type { BootOptions, BootPlan } from "@/lib/queries/boot";
import { flavorUnfit } from "./flavor-fit";
import { shown } from "./validation";
import { validateDraft } from "./validate-draft";
import { draftRequest, toBootRequest, toPlanRequest } from "./draft-request";
import * as S from "@/lib/schemas/boot";

const GiB = 1024 ** 3;
const image = {
  id: "img",
  name: "centos",
  diskFormat: "raw",
  size: 8 * GiB,
  virtualSize: 8 * GiB,
  minDisk: 8,
  minRam: 1024,
  visibility: "public",
  volumeBacked: false,
  volumeSize: null,
  createdAt: "",
};
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
    const problems = validateDraft(draft({}), options, undefined, S);
    expect(problems.map((p) => [p.step, p.field])).toEqual([
      ["source", "name"],
      ["source", "source"],
      ["flavor", "flavorId"],
      ["networks", "networkIds"],
    ]);
  });
  it("holds the volume size to the plan's minimum and count to 1 for a volume source", () => {
    const plan = { minVolumeGiB: 20, volumeSizeGiB: 5, blockers: [] } as unknown as BootPlan;
    const d = draft({
      name: "x",
      source: { type: "image", id: "img" },
      createVolume: true,
      volumeSize: 5,
      flavorId: "2",
      networkIds: ["n"],
    });
    expect(validateDraft(d, options, plan, S)).toEqual([
      expect.objectContaining({ field: "volumeSize", key: "boot.errors.volumeSize", vars: { min: 20 } }),
    ]);
    const v = draft({ name: "x", source: { type: "volume", id: "v" }, count: 3, flavorId: "2", networkIds: ["n"] });
    expect(validateDraft(v, options, undefined, S).map((p) => p.field)).toEqual(["count"]);
  });
  it("names the quota the plan says would be exceeded", () => {
    const plan = {
      minVolumeGiB: 8,
      volumeSizeGiB: null,
      blockers: [{ code: "quota_exceeded", field: null, message: "m", params: { quota: "cores", limit: 20, inUse: 19, requested: 2 } }],
    } as unknown as BootPlan;
    const d = draft({ name: "x", source: { type: "image", id: "img" }, flavorId: "2", networkIds: ["n"] });
    expect(validateDraft(d, options, plan, S)).toEqual([
      expect.objectContaining({ step: "review", key: "boot.errors.quota", vars: expect.objectContaining({ quota: "cores" }) }),
    ]);
  });
});

describe("boot wizard validation at the field (the BFF's own schema)", () => {
  const ok = draft({ name: "web-1", source: { type: "image", id: "img" }, flavorId: "2", networkIds: ["n"] });
  const fields = (d: BootDraft, o = options) => validateDraft(d, o, undefined, S).map((p) => [p.field, p.key]);
  it("a valid draft has no problem", () => {
    expect(fields(ok)).toEqual([]);
  });
  it("count −5, 2.7, 1000 and empty are errors, never silently coerced", () => {
    expect(fields({ ...ok, count: -5 })).toEqual([["count", "boot.errors.countMin"]]);
    expect(fields({ ...ok, count: 2.7 })).toEqual([["count", "boot.errors.countWhole"]]);
    expect(fields({ ...ok, count: 1000 })).toEqual([["count", "boot.errors.countMax"]]);
    expect(fields({ ...ok, count: null })).toEqual([["count", "boot.errors.countRequired"]]);
  });
  it("count above what the quota leaves is an error before the plan says so", () => {
    const withQuota = {
      ...options,
      quotas: { compute: { instances: { limit: 10, inUse: 8 }, cores: { limit: -1, inUse: 0 }, ram: { limit: -1, inUse: 0 } }, volume: [] },
    } as unknown as BootOptions;
    expect(fields({ ...ok, count: 3 }, withQuota)).toEqual([["count", "boot.errors.countQuota"]]);
    expect(fields({ ...ok, count: 2 }, withQuota)).toEqual([]);
  });
  it("volume size −10, 0, 99999999 and 2.5 are errors at the field", () => {
    const vol = { ...ok, createVolume: true };
    expect(fields({ ...vol, volumeSize: -10 })).toEqual([["volumeSize", "boot.errors.volumeSize"]]);
    expect(fields({ ...vol, volumeSize: 0 })).toEqual([["volumeSize", "boot.errors.volumeSize"]]);
    expect(fields({ ...vol, volumeSize: 99999999 })).toEqual([["volumeSize", "boot.errors.volumeSizeMax"]]);
    expect(fields({ ...vol, volumeSize: 2.5 })).toEqual([["volumeSize", "boot.errors.volumeSizeWhole"]]);
  });
  it("a size in the hidden field (Create new volume off) is neither judged nor sent", () => {
    const d = { ...ok, createVolume: false, volumeSize: 99999999 };
    expect(fields(d)).toEqual([]);
    expect(draftRequest(d, options)).not.toHaveProperty("volumeSize");
    expect(toBootRequest(d, options, S)).not.toHaveProperty("volumeSize");
    expect(toPlanRequest(d, options, S)).not.toHaveProperty("volumeSize");
  });
  it("a 315-character name is an error, not cut to 255", () => {
    const long = "n".repeat(315);
    expect(validateDraft({ ...ok, name: long }, options, undefined, S)).toEqual([
      expect.objectContaining({ field: "name", key: "boot.errors.nameTooLong", vars: { max: 255, length: 315 } }),
    ]);
    expect(toBootRequest({ ...ok, name: long }, options, S)).toBeNull();
  });
  it("the plan request leaves out an invalid field so the plan stays on screen", () => {
    expect(toPlanRequest({ ...ok, createVolume: true, volumeSize: -10, count: 2.7 }, options, S)).toMatchObject({
      createVolume: true,
      count: 1,
    });
    expect(toPlanRequest({ ...ok, createVolume: true, volumeSize: -10 }, options, S)).not.toHaveProperty("volumeSize");
  });
  it("errors show after the field is left, after Next on its step, or at Review; not before", () => {
    const p = validateDraft(draft({}), options, undefined, S).find((x) => x.field === "name")!;
    expect(shown(p, { touched: [], attempted: [], step: "source" })).toBe(false);
    expect(shown(p, { touched: ["name"], attempted: [], step: "source" })).toBe(true);
    expect(shown(p, { touched: [], attempted: ["source"], step: "flavor" })).toBe(true);
    expect(shown(p, { touched: [], attempted: [], step: "review" })).toBe(true);
  });
});

describe("plan blockers in the user's language", () => {
  it("a known blocker code becomes a message key with its params, not the BFF's English", () => {
    const plan = {
      minVolumeGiB: 8,
      volumeSizeGiB: null,
      blockers: [{ code: "flavor_ram_too_small", field: "flavorId", message: "Flavor m1.tiny has…", params: { ram: 512, minRam: 1024 } }],
    } as unknown as BootPlan;
    const d = draft({ name: "x", source: { type: "image", id: "img" }, flavorId: "9", networkIds: ["n"] });
    expect(validateDraft(d, options, plan, S)).toEqual([
      expect.objectContaining({ field: "flavorId", key: "boot.blocker.flavor_ram_too_small", vars: { ram: 512, minRam: 1024 } }),
    ]);
    expect(validateDraft(d, options, plan, S)[0].text).toBeUndefined();
  });
});
