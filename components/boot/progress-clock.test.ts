import type { BootProgress } from "@/lib/queries/boot";
import { progressClock } from "./progress-clock";

const T0 = Date.parse("2026-01-01T00:00:00Z");
const at = (s: number) => new Date(T0 + s * 1000).toISOString();
const progress = (o: Partial<BootProgress>): BootProgress => ({
  serverId: "s",
  name: "n",
  status: "BUILD",
  taskState: "block_device_mapping",
  outcome: "building",
  done: false,
  phases: [
    { phase: "scheduling", at: at(0), source: "nova", detail: null },
    { phase: "block_device_mapping", at: at(1), source: "nova", detail: null },
    { phase: "volume_creating", at: at(2), source: "cinder", detail: "v" },
  ],
  volume: { id: "v", status: "creating", matchedBy: "attachment" },
  fault: null,
  startedAt: at(0),
  elapsedSeconds: 8.1,
  prediction: {
    path: "rbd-clone-volume",
    p50: 3.9,
    p90: 5,
    waitSeconds: 183,
    storageP50: 1,
    alternative: { path: "copy-volume", storageP50: 301 },
  },
  verdict: "slower_than_predicted",
  ...o,
});

describe("progress clock", () => {
  it("keeps counting between answers: the stream is silent while nothing changes", () => {
    const p = progress({});
    expect(progressClock(p, 1000, 1000).elapsed).toBeCloseTo(8.1);
    expect(progressClock(p, 1000, 61_000).elapsed).toBeCloseTo(68.1);
  });
  it("counts down Nova's volume wait from the volume's creation while Cinder works, with its status", () => {
    const c = progressClock(progress({}), 0, 10_000); // 18.1 s since launch, 16.1 s since the volume was asked for
    expect(c.countdown).toMatchObject({ wait: 183, status: "creating" });
    expect(c.countdown!.remaining).toBeCloseTo(183 - 16.1);
    expect(progressClock(progress({ volume: { id: "v", status: "available", matchedBy: "attachment" } }), 0, 10_000).countdown).toBeNull();
    expect(progressClock(progress({}), 0, 400_000).countdown!.remaining).toBe(0);
  });
  it("past a clone's prediction while still copying, it says a copy is likely and how far through it", () => {
    const c = progressClock(progress({ elapsedSeconds: 186.6 }), 0, 0);
    expect(c.overdue).toEqual({ kind: "copy", percent: 62, expected: 301 });
    expect(c.percent).toBeCloseTo(62, 0);
    expect(progressClock(progress({ elapsedSeconds: 2 }), 0, 0).overdue).toBeNull();
  });
  it("the bar reaches 100% at ACTIVE and at ERROR; while building it never claims 100%", () => {
    expect(progressClock(progress({ outcome: "active", status: "ACTIVE" }), 0, 0).percent).toBe(100);
    expect(progressClock(progress({ outcome: "error", status: "ERROR" }), 0, 0).percent).toBe(100);
    expect(progressClock(progress({ elapsedSeconds: 900 }), 0, 0).percent).toBe(99);
  });
});
