"use client";

import { useT } from "@/lib/i18n/client";
import type { Infrastructure } from "@/lib/queries/infrastructure";
import { RelativeTime } from "@/components/common/relative-time";
import { Badge } from "@/components/ui/badge";
import { StateBadges } from "./state-badges";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

type ServiceRow = Infrastructure["services"][number];

/** Nova's and Cinder's services: binary, host, zone, enabled/disabled (with the reason) and up/down. */
export function ServiceTable({ services }: { services: ServiceRow[] }) {
  const t = useT();
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("infrastructure.services")}>
      <Table>
        <TableCaption>{t("infrastructure.services")}</TableCaption>
        <TableHeader>
          <TableRow className="hover:bg-transparent">
            <TableHead>{t("infrastructure.colService")}</TableHead>
            <TableHead>{t("infrastructure.colBinary")}</TableHead>
            <TableHead>{t("infrastructure.colHost")}</TableHead>
            <TableHead>{t("infrastructure.colZone")}</TableHead>
            <TableHead>{t("infrastructure.colState")}</TableHead>
            <TableHead>{t("infrastructure.colUpdated")}</TableHead>
            <TableHead>{t("infrastructure.colReason")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {services.map((s) => (
            <TableRow key={`${s.service}-${s.binary}-${s.host}`} data-testid={`service-${s.binary}-${s.host}`}>
              <TableCell>{t(`serviceNames.${s.service}` as "serviceNames.compute")}</TableCell>
              <TableCell className="font-mono text-xs">{s.binary}</TableCell>
              <TableCell className="max-w-[16rem] truncate" title={s.host}>
                {s.host}
              </TableCell>
              <TableCell>{s.zone}</TableCell>
              <TableCell>
                <span className="flex flex-wrap gap-1">
                  <StateBadges state={s.state} status={s.status} />
                  {s.forcedDown ? <Badge tone="danger">{t("infrastructure.forcedDown")}</Badge> : null}
                </span>
              </TableCell>
              <TableCell>
                {s.updatedAt ? <RelativeTime value={s.updatedAt.endsWith("Z") ? s.updatedAt : `${s.updatedAt}Z`} /> : "—"}
              </TableCell>
              <TableCell>{s.disabledReason ?? "—"}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
