import { describe, expect, it } from "vitest";
import { awaitVolume, serverState, volumeNotCreated } from "./lifecycle";
import type { Server } from "./model";

const server = (o: Partial<Server> = {}): Server =>
  ({
    timeline: { scheduledAt: 10, bdmDoneAt: 20, networkedAt: 30, spawnedAt: 40 },
    failure: null,
    power: { stoppedAt: null, rebootUntil: null, rebootType: null, updated: 0 },
    ...o,
  }) as Server;

describe("server lifecycle from timestamps", () => {
  it("walks scheduling → block_device_mapping → networking → spawning → ACTIVE", () => {
    const s = server();
    expect([0, 10, 20, 30, 40].map((t) => serverState(s, t).task_state)).toEqual([
      "scheduling",
      "block_device_mapping",
      "networking",
      "spawning",
      null,
    ]);
    expect(serverState(s, 40)).toEqual({ status: "ACTIVE", vm_state: "active", task_state: null, power_state: 1 });
    expect(serverState(s, 5).status).toBe("BUILD");
  });
  it("stays in block_device_mapping until the failure, then ERROR", () => {
    const s = server({ failure: { at: 200, message: "m", code: 500, details: "" } });
    expect(serverState(s, 150)).toMatchObject({ status: "BUILD", task_state: "block_device_mapping" });
    expect(serverState(s, 200)).toEqual({ status: "ERROR", vm_state: "error", task_state: null, power_state: 0 });
  });
  it("stop and reboot", () => {
    expect(serverState(server({ power: { stoppedAt: 50, rebootUntil: null, rebootType: null, updated: 50 } }), 60).status).toBe("SHUTOFF");
    expect(serverState(server({ power: { stoppedAt: null, rebootUntil: 70, rebootType: "SOFT", updated: 50 } }), 60).status).toBe("REBOOT");
  });
});

describe("Nova's wait for a volume (60 retries × 3 s)", () => {
  it("stops at the first poll that sees error", () => {
    expect(awaitVolume(0, 400_000, 61, 3000, 10_000)).toEqual({
      ok: false,
      failAt: 12_000,
      lastPoll: 12_000,
      attempts: 5,
      waitedMs: 12_000,
    });
  });
  it("succeeds at the first poll after the volume is available", () => {
    expect(awaitVolume(0, 1100, 61, 3000)).toEqual({ ok: true, at: 3000, attempt: 2 });
  });
  it("gives up after 61 attempts, 183 s", () => {
    expect(awaitVolume(0, 400_000, 61, 3000)).toEqual({ ok: false, failAt: 183_000, lastPoll: 180_000, attempts: 61, waitedMs: 183_000 });
    expect(volumeNotCreated("S", "V", 183, 61, "creating")).toBe(
      "Build of instance S aborted: Volume V did not finish being created even after we waited 183 seconds or 61 attempts. And its status is creating.",
    );
  });
  it("deletes as real Nova does: task_state deleting, then DELETED with task_state null, then gone", () => {
    const s = server({ deletion: { at: 100, deletedAt: 110, goneAt: 115 } });
    expect(serverState(s, 105)).toMatchObject({ status: "ACTIVE", vm_state: "active", task_state: "deleting" });
    expect(serverState(s, 112)).toEqual({ status: "DELETED", vm_state: "deleted", task_state: null, power_state: 0 });
  });
});

describe("lifecycle operations (resize, shelve, rescue…)", () => {
  it("walks the operation's task states over its span, then shows the state it leads to", () => {
    const s = server({
      op: {
        action: "resize",
        at: 100,
        until: 140,
        tasks: ["resize_prep", "resize_migrating", "resize_migrated", "resize_finish"],
        during: { status: "RESIZE", vm_state: "active", power_state: 1 },
        after: { status: "VERIFY_RESIZE", vm_state: "resized", power_state: 1 },
      },
    });
    expect([100, 110, 120, 139].map((t) => serverState(s, t).task_state)).toEqual([
      "resize_prep",
      "resize_migrating",
      "resize_migrated",
      "resize_finish",
    ]);
    expect(serverState(s, 120).status).toBe("RESIZE");
    expect(serverState(s, 140)).toEqual({ status: "VERIFY_RESIZE", vm_state: "resized", task_state: null, power_state: 1 });
  });
});
