"use client";

import Link from "next/link";
import { useT } from "@/lib/i18n/client";
import type { SortDir } from "@/lib/list-state";
import type { NetworkSummary } from "@/lib/queries/networks";
import { SkeletonRows } from "@/components/resources/table-states";
import { SortHead } from "@/components/resources/sort-head";
import { labelOr } from "@/components/resources/status-label";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow, truncateCell } from "@/components/ui/table";

export type NetworkSort = "name" | "status";

interface NetworkTableProps {
  items: NetworkSummary[] | undefined;
  sort: NetworkSort;
  dir: SortDir;
  onSort: (sort: NetworkSort, dir: SortDir) => void;
}

export function NetworkTable({ items, sort, dir, onSort }: NetworkTableProps) {
  const t = useT();
  const head = { current: sort, dir, onSort };
  return (
    <Table aria-busy={!items}>
      <TableCaption>{t("networks.title")}</TableCaption>
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <SortHead sortKey="name" {...head}>
            {t("networks.colName")}
          </SortHead>
          <TableHead>{t("networks.colSubnets")}</TableHead>
          <TableHead>{t("networks.colScope")}</TableHead>
          <SortHead sortKey="status" {...head}>
            {t("networks.colStatus")}
          </SortHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {!items ? (
          <SkeletonRows columns={4} />
        ) : (
          items.map((n) => (
            <TableRow key={n.id} data-testid={`network-row-${n.name || n.id}`}>
              <TableCell>
                <Link
                  href={`/project/networks/${n.id}`}
                  className={`block font-medium underline-offset-4 hover:underline ${truncateCell}`}
                  title={n.name || undefined}
                >
                  {n.name || <span className="italic text-muted-foreground">{t("networks.unnamed")}</span>}
                </Link>
                <div className="font-mono text-[11px] text-muted-foreground">{n.id.slice(0, 8)}</div>
              </TableCell>
              <TableCell>
                {n.subnets.length ? (
                  n.subnets.map((s) => (
                    <div key={s.id} className="flex flex-wrap items-baseline gap-x-2 text-sm">
                      <code className="font-mono text-xs">{s.cidr || t("networks.hiddenSubnet")}</code>
                      {s.name ? <span className="text-xs text-muted-foreground">{s.name}</span> : null}
                      {s.gateway ? <span className="text-xs text-muted-foreground">{t("networks.gateway", { ip: s.gateway })}</span> : null}
                    </div>
                  ))
                ) : (
                  <span className="text-muted-foreground">{t("networks.noSubnets")}</span>
                )}
              </TableCell>
              <TableCell>
                <div className="flex flex-wrap gap-1">
                  {n.own ? <Badge>{t("networks.own")}</Badge> : null}
                  {n.shared ? <Badge tone="info">{t("networks.shared")}</Badge> : null}
                  {n.external ? <Badge tone="warning">{t("networks.external")}</Badge> : null}
                </div>
              </TableCell>
              <TableCell>
                <div className="flex flex-wrap items-center gap-1">
                  <Badge tone={n.status === "ACTIVE" ? "success" : n.status === "DOWN" || n.status === "ERROR" ? "danger" : "info"} dot>
                    {labelOr(t, `networks.status.${n.status}`, n.status)}
                  </Badge>
                  {!n.adminStateUp ? <Badge tone="warning">{t("networks.adminDown")}</Badge> : null}
                </div>
              </TableCell>
            </TableRow>
          ))
        )}
      </TableBody>
    </Table>
  );
}
