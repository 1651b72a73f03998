"use client";

import { useT } from "@/lib/i18n/client";
import type { InstanceActionName, InstanceActionState, PowerAction } from "@/lib/queries/instances";
import type { IconName } from "@/components/ui/icon";
import { instanceStatusLabel, instanceTaskLabel } from "./instance-status-badge";

export const ACTION_ICON: Record<PowerAction, IconName> = {
  start: "play",
  stop: "square",
  reboot: "refresh",
  "hard-reboot": "refresh",
  delete: "trash",
};

/** An action's translated label, and the translated reason it is disabled ("Stop: the instance is already stopped (Shut off)"), its status and task state translated too. */
export function useActionText(instance: { status: string; taskState: string | null }) {
  const t = useT();
  const label = (a: InstanceActionName) => t(`instances.action.${a}`);
  const status = instanceStatusLabel(t, instance.status);
  const task = instance.taskState ? instanceTaskLabel(t, instance.taskState) : "";
  const reason = (a: InstanceActionState) => (a.reason ? t(`instances.reason.${a.reason}`, { action: label(a.action), status, task }) : "");
  return { label, reason };
}
