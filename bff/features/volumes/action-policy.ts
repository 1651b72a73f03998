import type { VolumeAction, VolumeActionState, VolumeDisabledReason } from "./schema";

/**
 * Which actions a volume allows right now, and why not. Mirrors cinder/volume/api.py so the UI never offers what
 * Cinder would refuse: extend and snapshot need `available` (in-use with 3.42 / force), retype needs available or
 * in-use, delete needs no attachment, no snapshot and a settled status.
 */
export interface VolumePolicyInput {
  status: string;
  attachments: number;
  snapshots: number;
}

export const VOLUME_ACTIONS = ["extend", "retype", "snapshot", "attach", "detach", "delete"] as const;

/** Statuses Cinder deletes a volume in (cinder/volume/api.py delete: "Volume status must be available or error…"). */
const DELETABLE = new Set(["available", "error", "error_restoring", "error_extending", "error_managing"]);

function why(action: VolumeAction, v: VolumePolicyInput): VolumeDisabledReason | null {
  const status = v.status.toLowerCase();
  if (status === "deleting" || status === "error_deleting") return "deleting";
  switch (action) {
    case "extend":
    case "retype":
      return status === "available" || status === "in-use" ? null : "busy";
    case "snapshot":
      return status === "available" || status === "in-use" ? null : "busy";
    case "attach":
      if (status === "in-use" || v.attachments > 0) return "attached";
      return status === "available" ? null : "busy";
    case "detach":
      return v.attachments > 0 && status === "in-use" ? null : v.attachments > 0 ? "busy" : "not_attached";
    case "delete":
      if (v.attachments > 0 || status === "in-use") return "attached";
      if (v.snapshots > 0) return "has_snapshots";
      return DELETABLE.has(status) ? null : "busy";
  }
}

/** The English sentence for a disabled action ("Delete: the volume has 2 snapshot(s); delete them first"). */
export function volumeReasonMessage(action: VolumeAction, reason: VolumeDisabledReason, v: VolumePolicyInput): string {
  const label = action[0].toUpperCase() + action.slice(1);
  switch (reason) {
    case "attached":
      return `${label}: the volume is attached to ${v.attachments} instance(s); detach it first`;
    case "has_snapshots":
      return `${label}: the volume has ${v.snapshots} snapshot(s); delete them first`;
    case "not_attached":
      return `${label}: the volume is not attached`;
    case "deleting":
      return `${label}: the volume is being deleted`;
    case "busy":
      return `${label}: not allowed while the volume is ${v.status}`;
  }
}

export function volumeActionState(action: VolumeAction, v: VolumePolicyInput): VolumeActionState {
  const reason = why(action, v);
  return {
    action,
    enabled: reason === null,
    reason,
    message: reason ? volumeReasonMessage(action, reason, v) : null,
    params: { status: v.status, attachments: v.attachments, snapshots: v.snapshots },
  };
}

export const volumeActionStates = (v: VolumePolicyInput): VolumeActionState[] => VOLUME_ACTIONS.map((a) => volumeActionState(a, v));
