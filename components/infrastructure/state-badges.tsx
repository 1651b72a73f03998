"use client";

import { useT } from "@/lib/i18n/client";
import { labelOr } from "@/components/resources/status-label";
import { Badge } from "@/components/ui/badge";

/** A Nova service's or hypervisor's state ("up"/"down") and status ("enabled"/"disabled"), translated. */
export function StateBadges({ state, status }: { state: string; status: string }) {
  const t = useT();
  return (
    <>
      <Badge tone={state === "up" ? "success" : "danger"} dot data-state={state}>
        {labelOr(t, `infrastructure.state.${state}`, state)}
      </Badge>
      <Badge tone={status === "enabled" ? "neutral" : "warning"} data-status={status}>
        {labelOr(t, `infrastructure.status.${status}`, status)}
      </Badge>
    </>
  );
}
