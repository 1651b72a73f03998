"use client";

import { useT } from "@/lib/i18n/client";
import type { RolloutRun } from "@/lib/queries/rollouts";
import { Badge } from "@/components/ui/badge";

const TONE = {
  running: "info",
  succeeded: "success",
  failed: "danger",
  stopped: "warning",
  cancelled: "neutral",
  interrupted: "warning",
} as const;

export function RolloutStatusBadge({ status }: { status: RolloutRun["status"] }) {
  const t = useT();
  return (
    <Badge tone={TONE[status]} dot data-testid="rollout-status" data-status={status}>
      {t(`rollouts.status.${status}`)}
    </Badge>
  );
}
