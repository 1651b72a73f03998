"use client";

import { useT } from "@/lib/i18n/client";
import type { NetworkDetail } from "@/lib/queries/networks";
import { SkeletonRows } from "@/components/resources/table-states";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow, truncateCell } from "@/components/ui/table";

export function SubnetsTable({ subnets }: { subnets: NetworkDetail["subnets"] | undefined }) {
  const t = useT();
  return (
    <Table aria-busy={!subnets}>
      <TableCaption>{t("networkDetail.subnets")}</TableCaption>
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <TableHead>{t("netforms.name")}</TableHead>
          <TableHead>{t("networkDetail.colCidr")}</TableHead>
          <TableHead>{t("networkDetail.colGateway")}</TableHead>
          <TableHead>{t("networkDetail.colDhcp")}</TableHead>
          <TableHead>{t("networkDetail.colPools")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {!subnets ? (
          <SkeletonRows columns={5} />
        ) : !subnets.length ? (
          <TableRow>
            <TableCell colSpan={5} className="text-muted-foreground">
              {t("networkDetail.noSubnets")}
            </TableCell>
          </TableRow>
        ) : (
          subnets.map((s) => (
            <TableRow key={s.id} data-testid={`subnet-row-${s.cidr}`}>
              <TableCell>
                <div className={truncateCell} title={s.name || s.cidr}>
                  {s.name || s.cidr}
                </div>
              </TableCell>
              <TableCell className="font-mono text-xs">{s.cidr}</TableCell>
              <TableCell className="font-mono text-xs">{s.gateway ?? t("common.none")}</TableCell>
              <TableCell>{s.dhcp ? t("common.yes") : t("common.no")}</TableCell>
              <TableCell className="font-mono text-xs">{s.allocationPools.map((p) => `${p.start}–${p.end}`).join(", ")}</TableCell>
            </TableRow>
          ))
        )}
      </TableBody>
    </Table>
  );
}
