"use client";

import { useT } from "@/lib/i18n/client";
import { Badge } from "@/components/ui/badge";
import { Spinner } from "@/components/ui/spinner";
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

/** Nova's status, translated, with the task state (e.g. "powering-off") while one runs. */
export function InstanceStatusBadge({ status, taskState }: { status: string; taskState: string | null }) {
  const t = useT();
  const tone = instanceTone(status, taskState);
  return (
    <span className="inline-flex flex-wrap items-center gap-1.5">
      <Badge tone={tone} dot={!taskState}>
        {taskState ? <Spinner className="size-3" /> : null}
        {labelOr(t, `instances.status.${status.toUpperCase()}`, status)}
      </Badge>
      {taskState ? (
        <span className="text-xs text-muted-foreground">{labelOr(t, `instances.task.${taskState}`, taskState.replace(/_/g, " "))}</span>
      ) : null}
    </span>
  );
}
