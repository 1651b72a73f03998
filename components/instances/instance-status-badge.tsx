"use client";

import { useT } from "@/lib/i18n/client";
import { Badge } from "@/components/ui/badge";
import { Spinner } from "@/components/ui/spinner";
import type { MessageKey, Translate } from "@/lib/i18n/translate";
import type { InstanceSummary } from "@/lib/queries/instances";
import { labelOr, type Tone } from "@/components/resources/status-label";

/* Nova's status, task state and fault as the UI words them (the fault from the BFF's code and parameters): one module, as
 * the instances list's first load is at its budget. */
const TONES: Record<string, Tone> = {
  ACTIVE: "success",
  ERROR: "danger",
  SHUTOFF: "neutral",
  PAUSED: "warning",
  SUSPENDED: "warning",
  SHELVED: "warning",
  SHELVED_OFFLOADED: "warning",
};

/** A running task is "info" whatever the status; otherwise the status's tone, "info" for the transitional ones. */
export const instanceTone = (status: string, taskState: string | null): Tone => (!taskState && TONES[status.toUpperCase()]) || "info";

/** Nova's server status ("ACTIVE", "VERIFY_RESIZE"…) in the active locale; an unknown one as Nova wrote it. */
export const instanceStatusLabel = (t: Translate, status: string): string => labelOr(t, `instances.status.${status.toUpperCase()}`, status);

/** Nova's task state ("powering-off", "resize_prep"…) in the active locale; an unknown one with spaces for underscores. */
export const instanceTaskLabel = (t: Translate, task: string): string => labelOr(t, `instances.task.${task}`, task.replace(/_/g, " "));

export type NovaFaultReason = NonNullable<InstanceSummary["faultReason"]>;

/** The headline for Nova's fault, from the BFF's code and parameters, in the active locale (a volume status translated too). */
export const novaFaultText = (t: Translate, { code, params: p }: NovaFaultReason): string =>
  t(
    `instances.faultReason.${code}` as MessageKey,
    typeof p.status === "string" ? { ...p, status: labelOr(t, `volumes.status.${p.status}`, p.status) } : p,
  );

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
