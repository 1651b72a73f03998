"use client";

import { useT } from "@/lib/i18n/client";
import { labelOr, type Tone } from "@/components/resources/status-label";
import { Badge } from "@/components/ui/badge";
import { Spinner } from "@/components/ui/spinner";

export function volumeTone(status: string, transient: boolean): Tone {
  if (transient) return "info";
  if (status === "available") return "success";
  if (status === "in-use") return "info";
  if (status.startsWith("error")) return "danger";
  return "neutral";
}

/** A volume's status, with a spinner while Cinder moves it along (creating, downloading, extending…). */
export function VolumeStatusBadge({ status, transient }: { status: string; transient: boolean }) {
  const t = useT();
  return (
    <Badge tone={volumeTone(status, transient)} dot={!transient} data-testid="volume-status" data-status={status}>
      {transient ? <Spinner className="size-3" /> : null}
      {labelOr(t, `volumes.status.${status}`, status)}
    </Badge>
  );
}
