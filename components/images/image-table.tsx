"use client";

import { IntentLink } from "@/components/ui/intent-link";
import { useLocale, useT } from "@/lib/i18n/client";
import type { SortDir } from "@/lib/list-state";
import type { ImageSummary } from "@/lib/queries/images";
import { stillTransient } from "@/lib/queries/image-poll";
import { formatBytes, formatMiB } from "@/lib/format/bytes";
import { RelativeTime } from "@/components/common/relative-time";
import { SkeletonRows } from "@/components/resources/table-states";
import { SortHead } from "@/components/resources/sort-head";
import { labelOr, type Tone } from "@/components/resources/status-label";
import { Badge } from "@/components/ui/badge";
import { Icon } from "@/components/ui/icon";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow, truncateCell } from "@/components/ui/table";

export type ImageSort = "created" | "name" | "size" | "status";

const tone = (status: string): Tone =>
  status === "active" ? "success" : ["killed", "deleted"].includes(status) ? "danger" : status === "deactivated" ? "warning" : "info";

interface ImageTableProps {
  items: ImageSummary[] | undefined;
  sort: ImageSort;
  dir: SortDir;
  onSort: (sort: ImageSort, dir: SortDir) => void;
}

export function ImageTable({ items, sort, dir, onSort }: ImageTableProps) {
  const t = useT();
  const locale = useLocale();
  const head = { current: sort, dir, onSort };
  const now = Date.now();
  return (
    <Table aria-busy={!items}>
      <TableCaption>{t("images.title")}</TableCaption>
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <SortHead sortKey="name" {...head}>
            {t("images.colName")}
          </SortHead>
          <TableHead>{t("images.colFormat")}</TableHead>
          <SortHead sortKey="size" {...head} className="text-right">
            {t("images.colSize")}
          </SortHead>
          <TableHead>{t("images.colMin")}</TableHead>
          <TableHead>{t("images.colVisibility")}</TableHead>
          <SortHead sortKey="status" {...head}>
            {t("images.colStatus")}
          </SortHead>
          <SortHead sortKey="created" {...head}>
            {t("images.colCreated")}
          </SortHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {!items ? (
          <SkeletonRows columns={7} />
        ) : (
          items.map((i) => (
            <TableRow key={i.id} data-testid={`image-row-${i.name ?? i.id}`}>
              <TableCell>
                <div className="flex items-center gap-2 font-medium">
                  <IntentLink
                    href={`/project/images/${i.id}`}
                    title={i.name ?? i.id}
                    className={`${truncateCell} text-primary hover:underline focus-visible:outline-2 focus-visible:outline-ring`}
                  >
                    {i.name ?? <span className="italic">{t("images.unnamed")}</span>}
                  </IntentLink>
                  {i.snapshot ? <Badge>{t("images.snapshot")}</Badge> : null}
                </div>
                <div className="font-mono text-[11px] text-muted-foreground">{i.id.slice(0, 8)}</div>
              </TableCell>
              <TableCell>
                <div className="flex flex-col items-start gap-1">
                  {i.volumeBacked ? (
                    <>
                      <Badge>{t("images.volumeBacked")}</Badge>
                      <span className="text-xs text-muted-foreground" title={t("images.volumeBackedLong")}>
                        {t("images.volumeBackedHint")}
                      </span>
                    </>
                  ) : (
                    <Badge tone={i.copiedNotCloned ? "warning" : "neutral"} className="font-mono">
                      {i.diskFormat ?? "?"}
                    </Badge>
                  )}
                  {i.cloneVerdict === "copy" ? (
                    <span
                      className="inline-flex items-center gap-1 text-xs text-warning"
                      title={t(i.copiedNotCloned ? "images.copyHintLong" : "images.notInClusterLong")}
                      data-testid="image-clone-label"
                      data-verdict="copy"
                    >
                      <Icon name="warning" className="size-3" />
                      {t("images.copyHint")}
                    </span>
                  ) : i.cloneVerdict === "clone" ? (
                    <span className="text-xs text-muted-foreground" data-testid="image-clone-label" data-verdict="clone">
                      {t("images.cloneHint")}
                    </span>
                  ) : i.cloneVerdict === "unknown" ? (
                    <span
                      className="text-xs text-muted-foreground"
                      title={t("images.cloneUnknownLong")}
                      data-testid="image-clone-label"
                      data-verdict="unknown"
                    >
                      {t("images.cloneUnknown")}
                    </span>
                  ) : null}
                </div>
              </TableCell>
              <TableCell className="text-right tabular-nums">
                <div>{i.volumeBacked ? t("images.noData") : (formatBytes(i.sizeBytes, locale) ?? t("common.none"))}</div>
                {i.virtualSizeBytes && i.virtualSizeBytes !== i.sizeBytes ? (
                  <div className="text-xs text-muted-foreground">
                    {t("images.virtual", { size: formatBytes(i.virtualSizeBytes, locale) ?? "" })}
                  </div>
                ) : null}
              </TableCell>
              <TableCell className="whitespace-nowrap text-xs">
                <div>{t("images.minDisk", { size: i.minDiskGiB })}</div>
                <div className="text-muted-foreground">
                  {t("images.minRam", { size: i.minRamMiB ? (formatMiB(i.minRamMiB, locale) ?? "") : t("common.none") })}
                </div>
              </TableCell>
              <TableCell>
                <div className="flex flex-wrap items-center gap-1">
                  <Badge>{labelOr(t, `images.visibility.${i.visibility}`, i.visibility)}</Badge>
                  {i.protected ? (
                    <Badge tone="info">
                      <Icon name="lock" className="size-3" />
                      {t("images.protected")}
                    </Badge>
                  ) : null}
                </div>
              </TableCell>
              <TableCell>
                <Badge tone={tone(i.status)} dot>
                  {labelOr(t, `images.status.${i.status}`, i.status)}
                </Badge>
                {stillTransient(i, now) ? (
                  <div className="mt-1 text-xs text-warning" data-testid="image-still-transient" title={t("images.stillTransientLong")}>
                    {t(i.status === "queued" ? "images.stillQueued" : "images.stillTransient", {
                      status: labelOr(t, `images.status.${i.status}`, i.status),
                    })}
                  </div>
                ) : null}
              </TableCell>
              <TableCell className="whitespace-nowrap text-muted-foreground">
                <RelativeTime value={i.created} />
              </TableCell>
            </TableRow>
          ))
        )}
      </TableBody>
    </Table>
  );
}
