import { copyEstimate, learnThroughput, type VolumeSample } from "./throughput";
import { MiB } from "./types";

const sample = (i: number, over: Partial<VolumeSample> = {}): VolumeSample => ({
  id: `v${i}`,
  status: "available",
  imageBytes: 256 * MiB,
  diskFormat: "qcow2",
  createdAt: 0,
  updatedAt: 4000,
  ...over,
});

describe("learnThroughput", () => {
  it("falls back to the configured default with too few certain copies, and says so", () => {
    const m = learnThroughput([sample(1), sample(2), sample(3, { diskFormat: "raw" })]);
    expect(m.source).toBe("default");
    expect(m.samples).toBe(2);
    expect(m.explanation).toMatch(/Configured default.*only 2/);
  });
  it("learns the median rate and a slow tail from created → available against size", () => {
    const m = learnThroughput([
      sample(1, { updatedAt: 2000 }),
      sample(2, { updatedAt: 4000 }),
      sample(3, { updatedAt: 8000 }),
      sample(4, { status: "error" }),
    ]);
    expect(m.source).toBe("learned");
    expect(m.samples).toBe(3);
    expect(m.bytesPerSecond.p50).toBeCloseTo(64 * MiB);
    expect(m.bytesPerSecond.p90).toBeLessThan(m.bytesPerSecond.p50);
  });
  it("ignores raw-image volumes (they may have been clones) and unfinished ones", () => {
    const m = learnThroughput([sample(1, { diskFormat: "raw" }), sample(2, { updatedAt: null }), sample(3, { status: "creating" })]);
    expect(m.samples).toBe(0);
  });
});

describe("copyEstimate", () => {
  it("matches the measured 256 MiB qcow2 copy (≈ 4.1 s) with the defaults", () => {
    const e = copyEstimate({ size: 256 * MiB, virtualSize: 256 * MiB, diskFormat: "qcow2" }, learnThroughput([]));
    expect(e.total.p50).toBeGreaterThan(3.5);
    expect(e.total.p50).toBeLessThan(4.8);
    expect(e.stages.reduce((a, s) => a + s.seconds.p50, 0)).toBeCloseTo(e.total.p50);
  });
  it("skips the conversion for a raw image and scales to the learned rate", () => {
    const learned = learnThroughput([1, 2, 3].map((i) => sample(i, { updatedAt: 1000 })));
    const e = copyEstimate({ size: 1024 * MiB, virtualSize: 1024 * MiB, diskFormat: "raw" }, learned);
    expect(e.stages[1]).toMatchObject({ stage: "convert", bytes: 0 });
    expect(e.total.p50).toBeCloseTo(4);
  });
});
