"use client";

import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import type { PortSummary } from "@/lib/queries/networks";
import { SkeletonRows } from "@/components/resources/table-states";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow, truncateCell } from "@/components/ui/table";

/** The network's ports; only a free port can be deleted here, others say where to remove them. */
export function PortsTable({ ports, onDelete }: { ports: PortSummary[] | undefined; onDelete: (p: PortSummary) => void }) {
  const t = useT();
  return (
    <Table aria-busy={!ports}>
      <TableCaption>{t("networkDetail.ports")}</TableCaption>
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <TableHead>{t("netforms.name")}</TableHead>
          <TableHead>{t("networkDetail.colAddresses")}</TableHead>
          <TableHead>{t("networkDetail.colOwner")}</TableHead>
          <TableHead>{t("networkDetail.colStatus")}</TableHead>
          <TableHead>
            <span className="sr-only">{t("networkDetail.deletePort")}</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {!ports ? (
          <SkeletonRows columns={5} />
        ) : !ports.length ? (
          <TableRow>
            <TableCell colSpan={5} className="text-muted-foreground">
              {t("networkDetail.noPorts")}
            </TableCell>
          </TableRow>
        ) : (
          ports.map((p) => (
            <TableRow key={p.id} data-testid={`port-row-${p.name || p.id}`}>
              <TableCell>
                <div className={truncateCell} title={p.name || undefined}>
                  {p.name || <span className="italic text-muted-foreground">{t("networkDetail.unnamedPort")}</span>}
                </div>
              </TableCell>
              <TableCell className="font-mono text-xs">{p.fixedIps.map((f) => f.ipAddress).join(", ")}</TableCell>
              <TableCell>
                <Badge>{t(`networkDetail.kind.${p.kind}` as MessageKey)}</Badge>
              </TableCell>
              <TableCell>{p.status}</TableCell>
              <TableCell className="text-right">
                {p.deletable ? (
                  <Button
                    size="sm"
                    variant="ghost"
                    onClick={() => onDelete(p)}
                    aria-label={`${t("networkDetail.deletePort")} ${p.name || p.fixedIps.map((f) => f.ipAddress).join(", ") || t("networkDetail.unnamedPort")}`}
                  >
                    {t("netforms.delete")}
                  </Button>
                ) : (
                  <span className="text-xs text-muted-foreground">
                    {p.reason ? t(`networkDetail.reason.${p.reason}` as MessageKey) : null}
                  </span>
                )}
              </TableCell>
            </TableRow>
          ))
        )}
      </TableBody>
    </Table>
  );
}
