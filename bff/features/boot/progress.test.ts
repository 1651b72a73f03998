import { META, mergePhases, phasesNow, summarize, type ServerSnapshot, type VolumeSnapshot } from "./progress";

const T0 = Date.parse("2026-01-01T10:00:00Z");
const server = (over: Partial<ServerSnapshot> = {}): ServerSnapshot => ({
  id: "s1",
  name: "vm",
  status: "BUILD",
  taskState: "scheduling",
  vmState: "building",
  created: T0,
  updated: null,
  launchedAt: null,
  fault: null,
  metadata: {
    [META.path]: "copy-volume",
    [META.p50]: "200",
    [META.p90]: "300",
    [META.wait]: "183",
    [META.started]: new Date(T0).toISOString(),
  },
  ...over,
});
const vol = (status: string, over: Partial<VolumeSnapshot> = {}): VolumeSnapshot => ({
  id: "v1",
  status,
  createdAt: T0 + 1000,
  updatedAt: null,
  matchedBy: "image-and-time",
  ...over,
});

describe("progress", () => {
  it("accumulates phases in order, each keeping the time it was first seen", () => {
    let phases = mergePhases([], phasesNow(server(), null, T0 + 500));
    phases = mergePhases(phases, phasesNow(server({ taskState: "block_device_mapping" }), vol("creating"), T0 + 2000));
    phases = mergePhases(phases, phasesNow(server({ taskState: "block_device_mapping" }), vol("downloading"), T0 + 9000));
    phases = mergePhases(phases, phasesNow(server({ taskState: "block_device_mapping" }), vol("downloading"), T0 + 12000));
    expect(phases.map((p) => p.phase)).toEqual(["scheduling", "block_device_mapping", "volume_creating", "volume_downloading"]);
    expect(phases.find((p) => p.phase === "volume_downloading")!.at).toBe(T0 + 9000);
    // block_device_mapping was first seen at +2 s, after Cinder's created_at (+1 s): it began no later than that.
    expect(phases.find((p) => p.phase === "block_device_mapping")!.at).toBe(T0 + 1000);
  });
  it("orders by the state machine, not by arrival: Spawning before Active even when launched_at is earlier", () => {
    let phases = mergePhases([], phasesNow(server(), null, T0 + 200));
    phases = mergePhases(phases, phasesNow(server({ taskState: "spawning" }), null, T0 + 1500));
    phases = mergePhases(phases, phasesNow(server({ status: "ACTIVE", taskState: null, launchedAt: T0 + 700 }), null, T0 + 3000));
    expect(phases.map((p) => p.phase)).toEqual(["scheduling", "spawning", "active"]);
    const at = phases.map((p) => p.at);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(phases.find((p) => p.phase === "spawning")!.at).toBe(T0 + 700);
  });
  it("leaves out what was first seen after the boot ended: no Volume downloading after the Error", () => {
    let phases = mergePhases([], phasesNow(server({ taskState: "block_device_mapping" }), vol("creating"), T0 + 2000));
    const failed = server({
      status: "ERROR",
      taskState: null,
      vmState: "error",
      fault: { code: 500, message: "aborted", created: T0 + 5000 },
    });
    phases = mergePhases(phases, phasesNow(failed, vol("downloading"), T0 + 6000));
    phases = mergePhases(phases, phasesNow(failed, vol("available", { updatedAt: T0 + 9000 }), T0 + 9500));
    expect(phases.map((p) => p.phase)).toEqual(["scheduling", "block_device_mapping", "volume_creating", "error"]);
    expect(summarize(failed, vol("available"), phases, T0 + 9500).phases.at(-1)!.phase).toBe("error");
  });
  it("reports Nova's fault verbatim on ERROR and stops the clock at the fault", () => {
    const msg =
      "Build of instance s1 aborted: Volume v1 did not finish being created even after we waited 183 seconds or 61 attempts. And its status is creating.";
    const s = server({ status: "ERROR", taskState: null, vmState: "error", fault: { code: 500, message: msg, created: T0 + 190_000 } });
    const phases = mergePhases([], phasesNow(s, vol("creating"), T0 + 200_000));
    const p = summarize(s, vol("creating"), phases, T0 + 200_000);
    expect(p).toMatchObject({ outcome: "error", done: true, fault: { code: 500, message: msg }, elapsedSeconds: 190, verdict: "finished" });
    expect(p.phases.at(-1)).toMatchObject({ phase: "error", detail: msg });
    expect(p.fault?.reason).toEqual({ code: "volume_not_created", params: { seconds: 183, attempts: 61, status: "creating" } });
  });
  it("compares elapsed time with the prediction and Nova's wait while building", () => {
    const s = server({ taskState: "block_device_mapping" });
    expect(summarize(s, null, [], T0 + 100_000).verdict).toBe("on_track");
    expect(summarize(s, null, [], T0 + 190_000).verdict).toBe("past_nova_wait");
    expect(summarize(s, null, [], T0 + 100_000).prediction).toEqual({
      path: "copy-volume",
      p50: 200,
      p90: 300,
      waitSeconds: 183,
      storageP50: null,
      alternative: null,
    });
  });
  it("uses launched_at for ACTIVE", () => {
    const s = server({ status: "ACTIVE", taskState: null, launchedAt: T0 + 4200 });
    const p = summarize(s, null, mergePhases([], phasesNow(s, null, T0 + 9000)), T0 + 9000);
    expect(p).toMatchObject({ outcome: "active", elapsedSeconds: 4.2 });
  });
});
