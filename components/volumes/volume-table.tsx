"use client";

import { IntentLink } from "@/components/ui/intent-link";
import { useT } from "@/lib/i18n/client";
import type { SortDir } from "@/lib/list-state";
import type { VolumeSummary } from "@/lib/queries/volumes";
import { RelativeTime } from "@/components/common/relative-time";
import { SkeletonRows } from "@/components/resources/table-states";
import { SortHead } from "@/components/resources/sort-head";
import { Badge } from "@/components/ui/badge";
import { VolumeStatusBadge } from "./volume-status-badge";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow, truncateCell } from "@/components/ui/table";

export type VolumeSort = "created" | "name" | "size" | "status";

interface VolumeTableProps {
  items: VolumeSummary[] | undefined;
  sort: VolumeSort;
  dir: SortDir;
  onSort: (sort: VolumeSort, dir: SortDir) => void;
}

export function VolumeTable({ items, sort, dir, onSort }: VolumeTableProps) {
  const t = useT();
  const head = { current: sort, dir, onSort };
  const none = <span className="text-muted-foreground">{t("common.none")}</span>;
  return (
    <Table aria-busy={!items}>
      <TableCaption>{t("volumes.title")}</TableCaption>
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <SortHead sortKey="name" {...head}>
            {t("volumes.colName")}
          </SortHead>
          <SortHead sortKey="size" {...head} className="text-right">
            {t("volumes.colSize")}
          </SortHead>
          <SortHead sortKey="status" {...head}>
            {t("volumes.colStatus")}
          </SortHead>
          <TableHead>{t("volumes.colType")}</TableHead>
          <TableHead>{t("volumes.colBootable")}</TableHead>
          <TableHead>{t("volumes.colAttached")}</TableHead>
          <TableHead>{t("volumes.colSource")}</TableHead>
          <SortHead sortKey="created" {...head}>
            {t("volumes.colCreated")}
          </SortHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {!items ? (
          <SkeletonRows columns={8} />
        ) : (
          items.map((v) => (
            <TableRow key={v.id} data-testid={`volume-row-${v.name ?? v.id}`}>
              <TableCell>
                <IntentLink
                  href={`/project/volumes/${v.id}`}
                  className={`block font-medium text-primary hover:underline ${truncateCell}`}
                  title={v.name ?? undefined}
                >
                  {v.name ?? <span className="italic">{t("volumes.unnamed")}</span>}
                </IntentLink>
                <div className="font-mono text-[11px] text-muted-foreground">{v.id.slice(0, 8)}</div>
              </TableCell>
              <TableCell className="text-right tabular-nums">{v.sizeGiB} GiB</TableCell>
              <TableCell>
                <VolumeStatusBadge status={v.status} transient={v.transient} />
              </TableCell>
              <TableCell>{v.type ?? none}</TableCell>
              <TableCell>
                {v.bootable ? (
                  <Badge tone="info">{t("volumes.bootable")}</Badge>
                ) : (
                  <span className="text-muted-foreground">{t("common.no")}</span>
                )}
              </TableCell>
              <TableCell>
                {v.attachments.length
                  ? v.attachments.map((a) => (
                      <div key={a.serverId} className="whitespace-nowrap">
                        <IntentLink href={`/project/instances/${a.serverId}`} className="text-primary hover:underline">
                          {a.serverName ?? a.serverId.slice(0, 8)}
                        </IntentLink>
                        {a.device ? <span className="ml-1 font-mono text-xs text-muted-foreground">{a.device}</span> : null}
                      </div>
                    ))
                  : none}
              </TableCell>
              <TableCell className="max-w-[14rem]">
                {v.sourceImage ? (
                  <span className="flex items-center gap-1.5">
                    <span className="truncate" title={v.sourceImage.id ?? undefined}>
                      {v.sourceImage.name ?? v.sourceImage.id?.slice(0, 8)}
                    </span>
                    {v.sourceImage.diskFormat ? (
                      <Badge tone={v.sourceImage.diskFormat === "raw" ? "neutral" : "warning"}>{v.sourceImage.diskFormat}</Badge>
                    ) : null}
                  </span>
                ) : (
                  none
                )}
              </TableCell>
              <TableCell className="whitespace-nowrap text-muted-foreground">
                <RelativeTime value={v.created} />
              </TableCell>
            </TableRow>
          ))
        )}
      </TableBody>
    </Table>
  );
}
