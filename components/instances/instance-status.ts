import type { Translate } from "@/lib/i18n/translate";
import { labelOr, type Tone } from "@/components/resources/status-label";

export function instanceTone(status: string, taskState: string | null): Tone {
  if (taskState) return "info";
  switch (status.toUpperCase()) {
    case "ACTIVE":
      return "success";
    case "ERROR":
      return "danger";
    case "SHUTOFF":
      return "neutral";
    case "PAUSED":
    case "SUSPENDED":
    case "SHELVED":
    case "SHELVED_OFFLOADED":
      return "warning";
    default:
      return "info";
  }
}

/** Nova's server status ("ACTIVE", "VERIFY_RESIZE"…) in the active locale; an unknown one as Nova wrote it. */
export const instanceStatusLabel = (t: Translate, status: string): string => labelOr(t, `instances.status.${status.toUpperCase()}`, status);

/** Nova's task state ("powering-off", "resize_prep"…) in the active locale; an unknown one with spaces for underscores. */
export const instanceTaskLabel = (t: Translate, task: string): string => labelOr(t, `instances.task.${task}`, task.replace(/_/g, " "));
