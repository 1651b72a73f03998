"use client";

import { useT } from "@/lib/i18n/client";
import { Badge } from "@/components/ui/badge";
import { Spinner } from "@/components/ui/spinner";
import { instanceStatusLabel, instanceTaskLabel, instanceTone } from "./instance-status";

/** Nova's status, translated, with the task state (e.g. "powering-off") while one runs. */
export function InstanceStatusBadge({ status, taskState }: { status: string; taskState: string | null }) {
  const t = useT();
  const tone = instanceTone(status, taskState);
  return (
    <span className="inline-flex flex-wrap items-center gap-1.5">
      <Badge tone={tone} dot={!taskState}>
        {taskState ? <Spinner className="size-3" /> : null}
        {instanceStatusLabel(t, status)}
      </Badge>
      {taskState ? <span className="text-xs text-muted-foreground">{instanceTaskLabel(t, taskState)}</span> : null}
    </span>
  );
}
