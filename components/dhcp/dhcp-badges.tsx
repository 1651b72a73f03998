"use client";

import { useT } from "@/lib/i18n/client";
import type { DhcpVerdict } from "@/lib/queries/dhcp";
import { Badge } from "@/components/ui/badge";

const VERDICT = {
  ok: { tone: "success", key: "dhcp.verdictOk" },
  degraded: { tone: "warning", key: "dhcp.verdictDegraded" },
  down: { tone: "danger", key: "dhcp.verdictDown" },
  "no-dhcp": { tone: "neutral", key: "dhcp.verdictNoDhcp" },
} as const;

export function VerdictBadge({ verdict }: { verdict: DhcpVerdict }) {
  const t = useT();
  const v = VERDICT[verdict];
  return (
    <Badge tone={v.tone} dot data-verdict={verdict}>
      {t(v.key)}
    </Badge>
  );
}

/** An agent as a badge: its host, green when alive and admin-up, red when dead, amber when admin-down. */
export function AgentBadge({ host, alive, adminStateUp }: { host: string; alive: boolean; adminStateUp: boolean }) {
  const t = useT();
  const state = !alive ? t("dhcp.dead") : !adminStateUp ? t("dhcp.adminDown") : t("dhcp.alive");
  return (
    <Badge tone={!alive ? "danger" : !adminStateUp ? "warning" : "success"} dot title={`${host}: ${state}`}>
      <span className="font-mono">{host}</span>
      <span className="sr-only sm:not-sr-only sm:text-[0.7rem]">{state}</span>
    </Badge>
  );
}
