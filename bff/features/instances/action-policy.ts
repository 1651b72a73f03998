import { INSTANCE_ACTIONS, type ActionState, type DisabledReason, type InstanceAction } from "./schema";

/**
 * Which power actions an instance allows right now, and why not. Mirrors Nova's own checks
 * (nova/compute/api.py `check_instance_state`) so the UI never offers what Nova would refuse with a 409.
 */
export interface PolicyInput {
  status: string;
  taskState: string | null;
  vmState?: string | null;
}

const LABEL: Record<InstanceAction, string> = {
  start: "Start",
  stop: "Stop",
  reboot: "Reboot",
  "hard-reboot": "Hard reboot",
  delete: "Delete",
};

function why(action: InstanceAction, s: PolicyInput): DisabledReason | null {
  const status = s.status.toUpperCase();
  if (s.taskState === "deleting" || status === "DELETED" || status === "SOFT_DELETED") return "deleting";
  if (action === "delete") return null;
  if (status === "BUILD") return "building";
  if (s.taskState) return "busy";
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
  }
}

/** The English sentence for a disabled action ("Stop: the instance is already SHUTOFF"). */
export function reasonMessage(action: InstanceAction, reason: DisabledReason, s: PolicyInput): string {
  const label = LABEL[action];
  switch (reason) {
    case "already_running":
      return `${label}: the instance is already running (ACTIVE)`;
    case "already_stopped":
      return `${label}: the instance is already SHUTOFF`;
    case "busy":
      return `${label}: wait until the current operation (${s.taskState}) finishes`;
    case "building":
      return `${label}: the instance is still being built`;
    case "deleting":
      return `${label}: the instance is being deleted`;
    case "not_running":
      return `${label}: the instance is SHUTOFF; start it instead`;
    case "error_state":
      return `${label}: the instance is in ERROR; try a hard reboot, or delete it`;
    case "not_allowed_in_status":
      return `${label}: not possible while the instance is ${s.status}`;
  }
}

export function actionState(action: InstanceAction, s: PolicyInput): ActionState {
  const reason = why(action, s);
  return {
    action,
    enabled: reason === null,
    reason,
    message: reason ? reasonMessage(action, reason, s) : null,
    destructive: action === "delete",
  };
}

/** Every action, in display order. */
export const actionPolicy = (s: PolicyInput): ActionState[] => INSTANCE_ACTIONS.map((a) => actionState(a, s));

/**
 * Statuses Nova passes through on its way somewhere else: worth polling. DELETED is one: real Nova answers
 * `status DELETED, task_state null` for a moment before the instance is gone (404).
 */
const TRANSIENT = new Set([
  "DELETED",
  "BUILD",
  "REBOOT",
  "HARD_REBOOT",
  "RESIZE",
  "REBUILD",
  "MIGRATING",
  "VERIFY_RESIZE",
  "REVERT_RESIZE",
  "PASSWORD",
  "RESCUE",
]);
export const isTransient = (s: PolicyInput): boolean => !!s.taskState || TRANSIENT.has(s.status.toUpperCase());
