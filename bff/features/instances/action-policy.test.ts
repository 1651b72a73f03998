import { describe, expect, it } from "vitest";
import { actionPolicy, actionState, isTransient } from "./action-policy";
import type { InstanceAction } from "./schema";

const enabled = (status: string, taskState: string | null = null) =>
  actionPolicy({ status, taskState })
    .filter((a) => a.enabled)
    .map((a) => a.action);

describe("instance action policy", () => {
  it.each<[string, string | null, InstanceAction[]]>([
    ["ACTIVE", null, ["stop", "reboot", "hard-reboot", "delete"]],
    ["SHUTOFF", null, ["start", "hard-reboot", "delete"]],
    ["ERROR", null, ["stop", "hard-reboot", "delete"]],
    ["BUILD", "spawning", ["delete"]],
    ["ACTIVE", "powering-off", ["delete"]],
    ["REBOOT", "reboot_started", ["delete"]],
    ["PAUSED", null, ["hard-reboot", "delete"]],
    ["ACTIVE", "deleting", []],
  ])("%s / %s allows %j", (status, task, expected) => {
    expect(enabled(status, task)).toEqual(expected);
  });

  it("says why, in the words the brief asks for", () => {
    expect(actionState("stop", { status: "SHUTOFF", taskState: null }).message).toBe("Stop: the instance is already SHUTOFF");
    expect(actionState("start", { status: "ACTIVE", taskState: null })).toMatchObject({ enabled: false, reason: "already_running" });
    expect(actionState("reboot", { status: "ACTIVE", taskState: "powering-off" }).message).toMatch(/powering-off/);
    expect(actionState("reboot", { status: "SHUTOFF", taskState: null }).reason).toBe("not_running");
    expect(actionState("start", { status: "ERROR", taskState: null }).message).toMatch(/hard reboot/);
  });

  it("enabled actions carry no reason; only delete is destructive", () => {
    for (const a of actionPolicy({ status: "ACTIVE", taskState: null })) {
      if (a.enabled) expect(a.reason).toBeNull();
      expect(a.destructive).toBe(a.action === "delete");
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
