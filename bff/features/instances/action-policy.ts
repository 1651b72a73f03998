import { INSTANCE_ACTIONS, type ActionState, type DisabledReason, type InstanceAction } from "./schema";

/**
 * Which actions an instance allows right now, and why not. Mirrors Nova's own checks (nova/compute/api.py
 * `check_instance_lock` and `check_instance_state`, Zed) so the UI never offers what Nova would refuse with a 409.
 */
export interface PolicyInput {
  status: string;
  taskState: string | null;
  vmState?: string | null;
  locked?: boolean;
  bootFromVolume?: boolean;
}

interface Rule {
  label: string;
  /** The Nova policy rule (Zed's default for each: project member or admin). */
  policy: string;
  /** vm_states Nova accepts; undefined: the action has its own check below. */
  vm?: string[];
  /** Nova refuses it on a locked instance (check_instance_lock). */
  lock?: boolean;
  /** Asks first, naming what else it touches. */
  destructive?: boolean;
  /** Allowed while a task runs (Nova's task_state list includes more than None). */
  anyTask?: boolean;
}

const RULES: Record<InstanceAction, Rule> = {
  start: { label: "Start", policy: "os_compute_api:servers:start", lock: true },
  stop: { label: "Stop", policy: "os_compute_api:servers:stop", lock: true },
  reboot: { label: "Reboot", policy: "os_compute_api:servers:reboot", lock: true },
  "hard-reboot": { label: "Hard reboot", policy: "os_compute_api:servers:reboot", lock: true },
  resize: { label: "Resize", policy: "os_compute_api:servers:resize", vm: ["active", "stopped"], lock: true },
  "confirm-resize": { label: "Confirm resize", policy: "os_compute_api:servers:confirm_resize", lock: true },
  "revert-resize": { label: "Revert resize", policy: "os_compute_api:servers:revert_resize", lock: true, destructive: true },
  rebuild: {
    label: "Rebuild",
    policy: "os_compute_api:servers:rebuild",
    vm: ["active", "stopped", "error"],
    lock: true,
    destructive: true,
  },
  snapshot: { label: "Create snapshot", policy: "os_compute_api:servers:create_image", vm: ["active", "stopped", "paused", "suspended"] },
  shelve: {
    label: "Shelve",
    policy: "os_compute_api:os-shelve:shelve",
    vm: ["active", "stopped", "paused", "suspended"],
    lock: true,
    destructive: true,
  },
  unshelve: { label: "Unshelve", policy: "os_compute_api:os-shelve:unshelve", lock: true },
  rescue: { label: "Rescue", policy: "os_compute_api:os-rescue", vm: ["active", "stopped", "error"], lock: true, destructive: true },
  unrescue: { label: "Unrescue", policy: "os_compute_api:os-unrescue", lock: true },
  lock: { label: "Lock", policy: "os_compute_api:os-lock-server:lock", anyTask: true },
  unlock: { label: "Unlock", policy: "os_compute_api:os-lock-server:unlock", anyTask: true },
  "attach-volume": {
    label: "Attach volume",
    policy: "os_compute_api:os-volumes-attachments:create",
    vm: ["active", "paused", "stopped", "resized", "shelved", "shelved_offloaded"],
    lock: true,
  },
  "attach-interface": {
    label: "Attach interface",
    policy: "os_compute_api:os-attach-interfaces:create",
    vm: ["active", "paused", "stopped"],
    lock: true,
  },
  console: { label: "Console", policy: "os_compute_api:os-remote-consoles", anyTask: true },
  delete: { label: "Delete", policy: "os_compute_api:servers:delete", lock: true, destructive: true, anyTask: true },
};

const VM_OF_STATUS: Record<string, string> = {
  ACTIVE: "active",
  SHUTOFF: "stopped",
  ERROR: "error",
  VERIFY_RESIZE: "resized",
  REVERT_RESIZE: "resized",
  SHELVED: "shelved",
  SHELVED_OFFLOADED: "shelved_offloaded",
  RESCUE: "rescued",
  PAUSED: "paused",
  SUSPENDED: "suspended",
  BUILD: "building",
};

function why(action: InstanceAction, s: PolicyInput): DisabledReason | null {
  const status = s.status.toUpperCase();
  const vm = s.vmState ?? VM_OF_STATUS[status] ?? status.toLowerCase();
  const rule = RULES[action];
  if (s.taskState === "deleting" || status === "DELETED" || status === "SOFT_DELETED") return "deleting";
  if (action === "lock") return s.locked ? "already_locked" : null;
  if (action === "unlock") return s.locked ? null : "not_locked";
  if (rule.lock && s.locked) return "locked";
  if (action === "delete") return null;
  if (status === "BUILD") return "building";
  if (action === "console")
    return vm === "active" || vm === "rescued" ? null : status === "SHUTOFF" ? "not_running" : "not_allowed_in_status";
  if (s.taskState && !rule.anyTask) return "busy";
  switch (action) {
    case "start":
      if (status === "SHUTOFF") return null;
      if (status === "ACTIVE") return "already_running";
      if (status === "ERROR") return "error_state";
      return "not_allowed_in_status";
    case "stop":
      if (status === "ACTIVE" || status === "ERROR") return null;
      if (status === "SHUTOFF") return "already_stopped";
      return "not_allowed_in_status";
    case "reboot":
      if (status === "ACTIVE") return null;
      if (status === "SHUTOFF") return "not_running";
      if (status === "ERROR") return "error_state";
      return "not_allowed_in_status";
    case "hard-reboot":
      return ["ACTIVE", "SHUTOFF", "ERROR", "PAUSED", "SUSPENDED"].includes(status) ? null : "not_allowed_in_status";
    case "confirm-resize":
    case "revert-resize":
      return vm === "resized" ? null : "not_resized";
    case "unshelve":
      return vm === "shelved" || vm === "shelved_offloaded" ? null : "not_shelved";
    case "unrescue":
      return vm === "rescued" ? null : "not_rescued";
    case "rescue":
      if (s.bootFromVolume) return "volume_backed";
      break;
  }
  return rule.vm && !rule.vm.includes(vm) ? "not_allowed_in_status" : null;
}

/** The English sentence for a disabled action ("Stop: the instance is already SHUTOFF"). */
export function reasonMessage(action: InstanceAction, reason: DisabledReason, s: PolicyInput): string {
  const label = RULES[action].label;
  const text: Record<DisabledReason, string> = {
    already_running: "the instance is already running (ACTIVE)",
    already_stopped: "the instance is already SHUTOFF",
    busy: `wait until the current operation (${s.taskState}) finishes`,
    building: "the instance is still being built",
    deleting: "the instance is being deleted",
    not_running: "the instance is SHUTOFF; start it instead",
    error_state: "the instance is in ERROR; try a hard reboot, or delete it",
    not_allowed_in_status: `not possible while the instance is ${s.status}`,
    locked: "the instance is locked; unlock it first",
    already_locked: "the instance is already locked",
    not_locked: "the instance is not locked",
    not_resized: "only after a resize, while it waits for confirmation (VERIFY_RESIZE)",
    not_shelved: "the instance is not shelved",
    not_rescued: "the instance is not in rescue mode",
    volume_backed: "Nova cannot rescue an instance that boots from a volume",
  };
  return `${label}: ${text[reason]}`;
}

export function actionState(action: InstanceAction, s: PolicyInput): ActionState {
  const reason = why(action, s);
  return {
    action,
    enabled: reason === null,
    reason,
    message: reason ? reasonMessage(action, reason, s) : null,
    policy: RULES[action].policy,
    destructive: !!RULES[action].destructive,
  };
}

/** Every action, in display order. */
export const actionPolicy = (s: PolicyInput): ActionState[] => INSTANCE_ACTIONS.map((a) => actionState(a, s));

/**
 * Statuses Nova passes through on its way somewhere else: worth polling. DELETED is one: real Nova answers
 * `status DELETED, task_state null` for a moment before the instance is gone (404).
 */
const TRANSIENT = new Set(["DELETED", "BUILD", "REBOOT", "HARD_REBOOT", "RESIZE", "REBUILD", "MIGRATING", "REVERT_RESIZE", "PASSWORD"]);
export const isTransient = (s: PolicyInput): boolean => !!s.taskState || TRANSIENT.has(s.status.toUpperCase());
