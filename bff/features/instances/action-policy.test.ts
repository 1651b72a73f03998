import { describe, expect, it } from "vitest";
import { actionPolicy, actionState, isTransient } from "./action-policy";
import type { InstanceAction } from "./schema";

const enabled = (status: string, taskState: string | null = null) =>
  actionPolicy({ status, taskState })
    .filter((a) => a.enabled)
    .map((a) => a.action);

describe("instance action policy", () => {
  it.each<[string, string | null, InstanceAction[]]>([
    [
      "ACTIVE",
      null,
      [
        "stop",
        "reboot",
        "hard-reboot",
        "resize",
        "rebuild",
        "snapshot",
        "shelve",
        "rescue",
        "lock",
        "attach-volume",
        "attach-interface",
        "console",
        "delete",
      ],
    ],
    [
      "SHUTOFF",
      null,
      ["start", "hard-reboot", "resize", "rebuild", "snapshot", "shelve", "rescue", "lock", "attach-volume", "attach-interface", "delete"],
    ],
    ["ERROR", null, ["stop", "hard-reboot", "rebuild", "rescue", "lock", "delete"]],
    ["BUILD", "spawning", ["lock", "delete"]],
    ["ACTIVE", "powering-off", ["lock", "console", "delete"]],
    ["REBOOT", "reboot_started", ["lock", "delete"]],
    ["PAUSED", null, ["hard-reboot", "snapshot", "shelve", "lock", "attach-volume", "attach-interface", "delete"]],
    ["VERIFY_RESIZE", null, ["confirm-resize", "revert-resize", "lock", "attach-volume", "delete"]],
    ["SHELVED_OFFLOADED", null, ["unshelve", "lock", "attach-volume", "delete"]],
    ["RESCUE", null, ["unrescue", "lock", "console", "delete"]],
    ["ACTIVE", "deleting", []],
  ])("%s / %s allows %j", (status, task, expected) => {
    expect(enabled(status, task)).toEqual(expected);
  });

  it("a locked instance allows only unlock, snapshot and the console (Nova's check_instance_lock)", () => {
    const on = actionPolicy({ status: "ACTIVE", taskState: null, locked: true }).filter((a) => a.enabled);
    expect(on.map((a) => a.action)).toEqual(["snapshot", "unlock", "console"]);
    expect(actionState("stop", { status: "ACTIVE", taskState: null, locked: true }).message).toBe(
      "Stop: the instance is locked; unlock it first",
    );
  });

  it("refuses rescue for an instance booted from a volume, as Nova does before 2.87", () => {
    expect(actionState("rescue", { status: "ACTIVE", taskState: null, bootFromVolume: true })).toMatchObject({
      enabled: false,
      reason: "volume_backed",
    });
  });

  it("names the Nova policy rule of every action", () => {
    for (const a of actionPolicy({ status: "ACTIVE", taskState: null })) expect(a.policy).toMatch(/^os_compute_api:/);
  });

  it("says why, in the words the brief asks for", () => {
    expect(actionState("stop", { status: "SHUTOFF", taskState: null }).message).toBe("Stop: the instance is already SHUTOFF");
    expect(actionState("start", { status: "ACTIVE", taskState: null })).toMatchObject({ enabled: false, reason: "already_running" });
    expect(actionState("reboot", { status: "ACTIVE", taskState: "powering-off" }).message).toMatch(/powering-off/);
    expect(actionState("reboot", { status: "SHUTOFF", taskState: null }).reason).toBe("not_running");
    expect(actionState("start", { status: "ERROR", taskState: null }).message).toMatch(/hard reboot/);
  });

  it("enabled actions carry no reason; delete, rebuild, revert-resize, shelve and rescue ask first", () => {
    for (const a of actionPolicy({ status: "ACTIVE", taskState: null })) {
      if (a.enabled) expect(a.reason).toBeNull();
      expect(a.destructive).toBe(["delete", "rebuild", "revert-resize", "shelve", "rescue"].includes(a.action));
    }
  });

  it("treats task states and in-between statuses as transient", () => {
    expect(isTransient({ status: "ACTIVE", taskState: null })).toBe(false);
    expect(isTransient({ status: "SHUTOFF", taskState: null })).toBe(false);
    expect(isTransient({ status: "ERROR", taskState: null })).toBe(false);
    expect(isTransient({ status: "ACTIVE", taskState: "powering-off" })).toBe(true);
    expect(isTransient({ status: "BUILD", taskState: null })).toBe(true);
    expect(isTransient({ status: "HARD_REBOOT", taskState: null })).toBe(true);
    // Real Nova, mid-delete: status DELETED with task_state null, then 404. Polling must go on until the 404.
    expect(isTransient({ status: "DELETED", taskState: null, vmState: "deleted" })).toBe(true);
  });
});
