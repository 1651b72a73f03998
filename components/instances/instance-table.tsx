"use client";

import { IntentLink } from "@/components/ui/intent-link";
import { useState } from "react";
import { useLocale, useT } from "@/lib/i18n/client";
import type { SortDir } from "@/lib/list-state";
import type { InstanceSummary } from "@/lib/queries/instances";
import { LazyQueryError as QueryError } from "@/components/common/lazy-query-error";
import { RelativeTime } from "@/components/common/relative-time";
import { Button } from "@/components/ui/button";
import { SkeletonRows } from "@/components/resources/table-states";
import { SortHead } from "@/components/resources/sort-head";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow, truncateCell } from "@/components/ui/table";
import { formatMiB } from "@/lib/format/bytes";
import { InstanceRowActions } from "./instance-row-actions";
import { InstanceStatusBadge } from "./instance-status-badge";
import { novaFaultText } from "./instance-status-badge";

/** The actions column stays at the right edge while a narrow screen scrolls the table under it. */
const STICKY_END = "sticky right-0 bg-surface";

export type InstanceSort = "created" | "name" | "status";

interface InstanceTableProps {
  items: InstanceSummary[] | undefined;
  sort: InstanceSort;
  dir: SortDir;
  onSort: (sort: InstanceSort, dir: SortDir) => void;
}

/** The instances of one page; the name links to the detail. `items` undefined renders skeleton rows. */
export function InstanceTable({ items, sort, dir, onSort }: InstanceTableProps) {
  const t = useT();
  const head = { current: sort, dir, onSort };
  return (
    <Table aria-busy={!items}>
      <TableCaption>{t("instances.title")}</TableCaption>
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <SortHead sortKey="name" {...head}>
            {t("instances.colName")}
          </SortHead>
          <SortHead sortKey="status" {...head}>
            {t("instances.colStatus")}
          </SortHead>
          <TableHead>{t("instances.colImage")}</TableHead>
          <TableHead>{t("instances.colFlavor")}</TableHead>
          <TableHead>{t("instances.colAddresses")}</TableHead>
          <SortHead sortKey="created" {...head}>
            {t("instances.colCreated")}
          </SortHead>
          <TableHead className={`text-right ${STICKY_END}`}>
            <span className="sr-only">{t("instances.actions")}</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>{!items ? <SkeletonRows columns={7} /> : items.map((i) => <InstanceRow key={i.id} instance={i} />)}</TableBody>
    </Table>
  );
}

/** One instance, and under it the failure of an action started from the row, if any. */
function InstanceRow({ instance: i }: { instance: InstanceSummary }) {
  const t = useT();
  const locale = useLocale();
  const [error, setError] = useState<unknown>(null);
  return (
    <>
      <TableRow data-testid={`instance-row-${i.name}`}>
        <TableCell>
          {/* A long name never widens the table: cut with an ellipsis, in full on hover and on the detail page. */}
          <IntentLink
            href={`/project/instances/${i.id}`}
            title={i.name || undefined}
            className={`block ${truncateCell} font-medium text-primary hover:underline focus-visible:outline-2 focus-visible:outline-ring`}
          >
            {i.name || t("instances.unnamed")}
          </IntentLink>
          <div className="font-mono text-[11px] text-muted-foreground">{i.id.slice(0, 8)}</div>
        </TableCell>
        <TableCell className="max-w-[16rem]">
          <InstanceStatusBadge status={i.status} taskState={i.taskState} />
          {/* The headline only (the list's first load is at its budget): Nova's own text is on the detail page, in a disclosure. */}
          {i.faultReason ? (
            <p className="mt-1 line-clamp-2 text-xs text-danger" data-testid="fault-reason">
              {novaFaultText(t, i.faultReason)}
            </p>
          ) : null}
        </TableCell>
        <TableCell className="max-w-[14rem]">
          {i.bootFromVolume ? (
            <span className="text-muted-foreground">{t("instances.bootFromVolume")}</span>
          ) : (
            <span className={`block ${truncateCell}`} title={i.image?.name ?? i.image?.id}>
              {i.image?.name ?? <span className="font-mono text-xs">{i.image?.id.slice(0, 8)}</span>}
            </span>
          )}
        </TableCell>
        <TableCell>
          <div className={truncateCell} title={i.flavor.name ?? undefined}>
            {i.flavor.name ?? t("common.none")}
          </div>
          {i.flavor.vcpus != null ? (
            <div className="text-xs text-muted-foreground">
              {t("instances.flavorShape", {
                vcpus: i.flavor.vcpus,
                ram: formatMiB(i.flavor.ramMiB, locale) ?? "?",
                disk: i.flavor.diskGiB ?? 0,
              })}
            </div>
          ) : null}
        </TableCell>
        <TableCell className="font-mono text-xs">
          {i.addresses.length ? (
            i.addresses.map((a) => (
              <div key={`${a.network}-${a.addr}`} title={a.network}>
                {a.addr}
              </div>
            ))
          ) : (
            <span className="font-sans text-muted-foreground">{t("common.none")}</span>
          )}
        </TableCell>
        <TableCell className="whitespace-nowrap text-muted-foreground">
          <RelativeTime value={i.created} />
        </TableCell>
        <TableCell className={`py-1 ${STICKY_END}`}>
          <InstanceRowActions instance={i} onError={setError} />
        </TableCell>
      </TableRow>
      {error ? (
        <TableRow className="hover:bg-transparent">
          <TableCell colSpan={7} className="pt-0">
            <QueryError title={t("instances.actionFailed")} error={error} onRetry={undefined} />
            <Button size="sm" variant="ghost" className="mt-1" onClick={() => setError(null)}>
              {t("common.close")}
            </Button>
          </TableCell>
        </TableRow>
      ) : null}
    </>
  );
}
