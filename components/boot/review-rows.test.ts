import { createTranslator } from "@/lib/i18n/translate";
import en from "@/lib/i18n/messages/en.json";
import zhCN from "@/lib/i18n/messages/zh-CN.json";
import type { BootOptions, BootPlan } from "@/lib/queries/boot";
import { EMPTY_DRAFT, type BootDraft } from "@/lib/stores/boot-wizard-store";
import { reviewRows } from "./review-rows";

const t = createTranslator(en);
const options = {
  images: [],
  volumes: [],
  flavors: [],
  networks: [],
  instanceSnapshots: [
    {
      id: "snap",
      name: "db-1-snap",
      diskFormat: "qcow2",
      size: 0,
      virtualSize: null,
      minDisk: 20,
      minRam: 0,
      visibility: "private",
      volumeBacked: true,
      volumeSize: 20,
      createdAt: "",
    },
  ],
  volumeSnapshots: [{ id: "vs", name: "nightly", status: "available", size: 100, volumeId: "v" }],
} as unknown as BootOptions;
const plan = (over: Partial<BootPlan>) =>
  ({ createsVolume: false, toggleApplies: true, volumeSizeGiB: null, minVolumeGiB: 20, volumeType: null, ...over }) as BootPlan;
const draft = (over: Partial<BootDraft>): BootDraft => ({ ...EMPTY_DRAFT, name: "vm", ...over });
const row = (rows: [string, string][], k: string) => rows.find(([key]) => key === k)?.[1];

describe("review rows", () => {
  it("says a new volume is made when the plan clones one from a volume-backed snapshot, though the toggle is off", () => {
    const rows = reviewRows(
      t,
      draft({ source: { type: "instance-snapshot", id: "snap" }, createVolume: false }),
      options,
      plan({ createsVolume: true, toggleApplies: false, volumeSizeGiB: 20, volumeType: { name: "ceph-ssd", source: "default" } }),
    );
    expect(row(rows, "Create new volume")).toBe("Yes (set by the source, not the toggle)");
    expect(row(rows, "Volume")).toBe(
      "20 GiB · ceph-ssd · Delete on termination".replace("Delete on termination", en.boot.source.deleteOnTermination),
    );
  });
  it("never shows a literal 'min': the plan's size, or the minimum in words", () => {
    const d = draft({ source: { type: "volume-snapshot", id: "vs" }, volumeSize: null, deleteOnTermination: false });
    expect(row(reviewRows(t, d, options, plan({ createsVolume: true, toggleApplies: false, volumeSizeGiB: 100 })), "Volume")).toBe(
      "100 GiB",
    );
    const before = reviewRows(t, d, options, undefined);
    expect(row(before, "Volume")).toBe("the minimum size");
    expect(before.map(([, v]) => v).join(" ")).not.toMatch(/\bmin\b/);
    expect(row(reviewRows(createTranslator(zhCN), d, options, undefined), "卷")).toBe("最小容量");
  });
  it("shows no volume row when the plan makes none", () => {
    const rows = reviewRows(
      t,
      draft({ source: { type: "instance-snapshot", id: "snap" }, createVolume: true }),
      options,
      plan({ createsVolume: false }),
    );
    expect(row(rows, "Create new volume")).toBe("No");
    expect(row(rows, "Volume")).toBeUndefined();
  });
});
