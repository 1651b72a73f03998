"use client";

import { useT } from "@/lib/i18n/client";
import type { DhcpAgent } from "@/lib/queries/dhcp";
import { RelativeTime } from "@/components/common/relative-time";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { CardHeader, CardTitle } from "@/components/ui/card-sections";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

/** Neutron prints heartbeats as "YYYY-MM-DD hh:mm:ss" in UTC. */
const iso = (ts: string) => (/[zZ]|[+-]\d\d:?\d\d$/.test(ts) ? ts : `${ts.replace(" ", "T")}Z`);

/** The DHCP agents: alive or dead, admin state, last heartbeat and how many networks each hosts. */
export function DhcpAgentsPanel({ agents }: { agents: DhcpAgent[] }) {
  const t = useT();
  const usable = agents.filter((a) => a.usable).length;
  return (
    <Card aria-labelledby="dhcp-agents-title">
      <CardHeader>
        <CardTitle id="dhcp-agents-title">{t("dhcp.agents")}</CardTitle>
        <Badge tone={usable === agents.length ? "success" : usable === 0 ? "danger" : "warning"} dot>
          {t("dhcp.agentsSummary", { usable, total: agents.length })}
        </Badge>
      </CardHeader>
      <Table>
        <TableCaption>{t("dhcp.agents")}</TableCaption>
        <TableHeader>
          <TableRow className="hover:bg-transparent">
            <TableHead>{t("dhcp.colHost")}</TableHead>
            <TableHead>{t("dhcp.colState")}</TableHead>
            <TableHead>{t("dhcp.colHeartbeat")}</TableHead>
            <TableHead className="text-right">{t("dhcp.colHosted")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {agents.map((a) => (
            <TableRow key={a.id} data-agent={a.host}>
              <TableCell className="font-mono text-xs">{a.host}</TableCell>
              <TableCell>
                <span className="flex flex-wrap gap-1">
                  <Badge tone={a.alive ? "success" : "danger"} dot>
                    {a.alive ? t("dhcp.alive") : t("dhcp.dead")}
                  </Badge>
                  {a.adminStateUp ? null : <Badge tone="warning">{t("dhcp.adminDown")}</Badge>}
                </span>
              </TableCell>
              <TableCell className="text-xs">{a.heartbeat ? <RelativeTime value={iso(a.heartbeat)} /> : t("dhcp.never")}</TableCell>
              <TableCell className="text-right tabular-nums">{a.networks}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Card>
  );
}
