"use client";

import { useT } from "@/lib/i18n/client";
import type { AdminService } from "@/lib/api/types";
import { Badge } from "@/components/ui/badge";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { cn } from "@/lib/cn";

function latencyTone(ms: number): string {
  if (ms < 200) return "text-success";
  if (ms < 1000) return "text-warning";
  return "text-danger";
}

function versionTone(status: string): "success" | "info" | "warning" | "neutral" {
  const s = status.toUpperCase();
  if (s === "CURRENT" || s === "STABLE") return "success";
  if (s === "SUPPORTED") return "info";
  if (s === "DEPRECATED" || s === "EXPERIMENTAL") return "warning";
  return "neutral";
}

/** One row per catalog service as the BFF probed it. `services` undefined renders skeleton rows. */
export function SystemTable({ services }: { services: AdminService[] | undefined }) {
  const t = useT();
  const rows = services ? [...services].sort((a, b) => a.type.localeCompare(b.type)) : undefined;
  return (
    <Table aria-busy={!rows}>
      <TableCaption>{t("system.services")}</TableCaption>
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <TableHead>{t("system.colService")}</TableHead>
          <TableHead>{t("system.colEndpoint")}</TableHead>
          <TableHead>{t("system.colVersion")}</TableHead>
          <TableHead>{t("system.colMicroversions")}</TableHead>
          <TableHead>{t("system.colStatus")}</TableHead>
          <TableHead className="text-right">{t("system.colLatency")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {!rows
          ? Array.from({ length: 5 }, (_, i) => (
              <TableRow key={i}>
                {Array.from({ length: 6 }, (_, j) => (
                  <TableCell key={j}>
                    <Skeleton className="h-4 w-full" />
                  </TableCell>
                ))}
              </TableRow>
            ))
          : rows.map((s) => (
              <TableRow key={`${s.type}-${s.url}`}>
                <TableCell>
                  <div className="font-medium">{s.type}</div>
                  <div className="text-xs text-muted-foreground">{s.name}</div>
                </TableCell>
                <TableCell className="max-w-[22rem] truncate font-mono text-xs" title={s.url}>
                  {s.url}
                </TableCell>
                <TableCell>
                  {s.version ? (
                    <span className="inline-flex items-center gap-1.5">
                      <span className="font-mono text-xs">{s.version.id}</span>
                      <Badge tone={versionTone(s.version.status)}>{s.version.status}</Badge>
                    </span>
                  ) : (
                    <span className="text-muted-foreground">{t("common.none")}</span>
                  )}
                </TableCell>
                <TableCell className="font-mono text-xs">
                  {s.version?.minVersion || s.version?.maxVersion ? (
                    `${s.version.minVersion ?? "?"} – ${s.version.maxVersion ?? "?"}`
                  ) : (
                    <span className="font-sans text-muted-foreground">{t("system.noMicroversions")}</span>
                  )}
                </TableCell>
                <TableCell>
                  <div className="flex flex-col items-start gap-0.5">
                    <Badge tone={s.reachable ? "success" : "danger"} dot>
                      {s.reachable ? t("system.reachable") : t("system.unreachable")}
                    </Badge>
                    {s.error ? (
                      <span className="max-w-[16rem] truncate text-xs text-danger" title={s.error}>
                        {s.error}
                      </span>
                    ) : s.status !== null ? (
                      <span className={cn("text-xs", s.status >= 400 ? "text-warning" : "text-muted-foreground")}>
                        {t("system.httpStatus", { status: s.status })}
                      </span>
                    ) : null}
                  </div>
                </TableCell>
                <TableCell className={cn("text-right font-mono text-xs tabular-nums", s.latencyMs !== null && latencyTone(s.latencyMs))}>
                  {s.latencyMs !== null ? `${Math.round(s.latencyMs)} ms` : t("common.none")}
                </TableCell>
              </TableRow>
            ))}
      </TableBody>
    </Table>
  );
}
