"use client";

import { useT } from "@/lib/i18n/client";
import type { DhcpNetwork } from "@/lib/queries/dhcp";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { AgentBadge, VerdictBadge } from "./dhcp-badges";

interface Props {
  /** undefined renders skeleton rows. */
  networks: DhcpNetwork[] | undefined;
  selected: Set<string>;
  onToggle: (id: string) => void;
}

export const isBelowTarget = (n: DhcpNetwork) => n.verdict === "degraded" || n.verdict === "down";

/** One row per network: hosting agents, alive count against the target, verdict; below-target rows are selectable. */
export function DhcpNetworkTable({ networks, selected, onToggle }: Props) {
  const t = useT();
  return (
    <Table aria-busy={!networks}>
      <TableCaption>{t("dhcp.networks")}</TableCaption>
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <TableHead className="w-10">
            <span className="sr-only">{t("dhcp.colSelect")}</span>
          </TableHead>
          <TableHead>{t("dhcp.colNetwork")}</TableHead>
          <TableHead>{t("dhcp.colAgents")}</TableHead>
          <TableHead className="text-right">{t("dhcp.colCount")}</TableHead>
          <TableHead>{t("dhcp.colVerdict")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {!networks
          ? Array.from({ length: 4 }, (_, i) => (
              <TableRow key={i}>
                {Array.from({ length: 5 }, (_, j) => (
                  <TableCell key={j}>
                    <Skeleton className="h-4 w-full" />
                  </TableCell>
                ))}
              </TableRow>
            ))
          : networks.map((n) => (
              <TableRow key={n.id} data-network={n.name}>
                <TableCell>
                  {isBelowTarget(n) ? (
                    <input
                      type="checkbox"
                      className="size-4 accent-primary"
                      checked={selected.has(n.id)}
                      onChange={() => onToggle(n.id)}
                      aria-label={t("dhcp.selectRow", { name: n.name || n.id })}
                    />
                  ) : null}
                </TableCell>
                <TableCell>
                  <div className="font-medium">
                    {n.name || <span className="italic text-muted-foreground">{t("networks.unnamed")}</span>}
                  </div>
                  <div className="font-mono text-xs text-muted-foreground">{n.id}</div>
                </TableCell>
                <TableCell>
                  {n.agents.length ? (
                    <div className="flex flex-wrap gap-1">
                      {n.agents.map((a) => (
                        <AgentBadge key={a.id} {...a} />
                      ))}
                    </div>
                  ) : (
                    <span className="text-xs text-muted-foreground">{t("dhcp.noHosts")}</span>
                  )}
                </TableCell>
                <TableCell className="text-right font-mono tabular-nums">
                  {t("dhcp.count", { healthy: n.healthy, target: n.target })}
                </TableCell>
                <TableCell>
                  <VerdictBadge verdict={n.verdict} />
                </TableCell>
              </TableRow>
            ))}
      </TableBody>
    </Table>
  );
}
