"use client";

import { useT } from "@/lib/i18n/client";
import type { InstanceActionName, InstanceActionState, PowerAction } from "@/lib/queries/instances";
import type { IconName } from "@/components/ui/icon";

export const ACTION_ICON: Record<PowerAction, IconName> = {
  start: "play",
  stop: "square",
  reboot: "refresh",
  "hard-reboot": "refresh",
  delete: "trash",
};

/** An action's translated label, and the translated reason it is disabled ("Stop: the instance is already SHUTOFF"). */
export function useActionText(instance: { status: string; taskState: string | null }) {
  const t = useT();
  const label = (a: InstanceActionName) => t(`instances.action.${a}`);
  const reason = (a: InstanceActionState) =>
    a.reason ? t(`instances.reason.${a.reason}`, { action: label(a.action), status: instance.status, task: instance.taskState ?? "" }) : "";
  return { label, reason };
}
