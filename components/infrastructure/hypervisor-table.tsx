"use client";

import { useLocale, useT } from "@/lib/i18n/client";
import { formatBytes } from "@/lib/format/bytes";
import type { Infrastructure } from "@/lib/queries/infrastructure";
import { StateBadges } from "./state-badges";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

type Hypervisor = Infrastructure["hypervisors"][number];

/** One row per hypervisor: state, status and usage as Nova reports it (usage is gone at microversion 2.88). */
export function HypervisorTable({ hypervisors }: { hypervisors: Hypervisor[] }) {
  const t = useT();
  const locale = useLocale();
  const usage = (p: Hypervisor["vcpus"], fmt: (n: number) => string = String) =>
    p ? t("infrastructure.usage", { used: fmt(p.used), total: fmt(p.total) }) : t("infrastructure.notReported");
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("infrastructure.hypervisors")}>
      <Table>
        <TableCaption>{t("infrastructure.hypervisors")}</TableCaption>
        <TableHeader>
          <TableRow className="hover:bg-transparent">
            <TableHead>{t("infrastructure.colHost")}</TableHead>
            <TableHead>{t("infrastructure.colType")}</TableHead>
            <TableHead>{t("infrastructure.colState")}</TableHead>
            <TableHead>{t("infrastructure.colIp")}</TableHead>
            <TableHead>{t("infrastructure.colVcpus")}</TableHead>
            <TableHead>{t("infrastructure.colRam")}</TableHead>
            <TableHead>{t("infrastructure.colDisk")}</TableHead>
            <TableHead className="text-right">{t("infrastructure.colVms")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {hypervisors.map((h) => (
            <TableRow key={h.id} data-testid={`hypervisor-${h.hostname}`}>
              <TableCell className="font-medium">{h.hostname}</TableCell>
              <TableCell>{h.type ?? "—"}</TableCell>
              <TableCell>
                <span className="flex gap-1">
                  <StateBadges state={h.state} status={h.status} />
                </span>
              </TableCell>
              <TableCell className="font-mono text-xs">{h.hostIp ?? "—"}</TableCell>
              <TableCell>{usage(h.vcpus)}</TableCell>
              <TableCell>{usage(h.ramMiB, (n) => formatBytes(n * 1048576, locale) ?? String(n))}</TableCell>
              <TableCell>{usage(h.diskGiB, (n) => formatBytes(n * 1073741824, locale) ?? String(n))}</TableCell>
              <TableCell className="text-right">{h.runningVms ?? t("infrastructure.notReported")}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
