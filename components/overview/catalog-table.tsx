"use client";

import { useT } from "@/lib/i18n/client";
import type { CatalogService } from "@/lib/api/types";
import { QueryError } from "@/components/common/query-error";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { CardDescription, CardHeader, CardTitle } from "@/components/ui/card-sections";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

interface CatalogTableProps {
  services: CatalogService[] | undefined;
  region: string;
  isPending: boolean;
  isRefetching?: boolean;
  error: unknown;
  onRetry: () => void;
}

/** The token's service catalog: one row per endpoint the BFF will talk to. */
export function CatalogTable({ services, region, isPending, isRefetching, error, onRetry }: CatalogTableProps) {
  const t = useT();
  const sorted = services ? [...services].sort((a, b) => a.type.localeCompare(b.type)) : [];
  return (
    <Card aria-labelledby="catalog-title">
      <CardHeader>
        <div className="space-y-0.5">
          <CardTitle id="catalog-title">{t("overview.catalog")}</CardTitle>
          <CardDescription>{t("overview.catalogDescription", { region })}</CardDescription>
        </div>
        <div className="flex items-center gap-2 text-xs text-muted-foreground">
          {isRefetching ? <Spinner label={t("common.refreshing")} /> : null}
          {services ? <span>{t("overview.serviceCount", { count: services.length })}</span> : null}
        </div>
      </CardHeader>
      {error && !services ? (
        <div className="p-4">
          <QueryError title={t("overview.catalogError")} error={error} onRetry={onRetry} />
        </div>
      ) : isPending ? (
        <div className="space-y-2 p-4" aria-busy="true" aria-label={t("common.loading")}>
          {Array.from({ length: 5 }, (_, i) => (
            <Skeleton key={i} className="h-6 w-full" />
          ))}
        </div>
      ) : sorted.length === 0 ? (
        <EmptyState icon="inbox" title={t("overview.catalogEmpty")} description={t("overview.catalogEmptyHint", { region })} />
      ) : (
        <Table>
          <TableCaption>{t("overview.catalog")}</TableCaption>
          <TableHeader>
            <TableRow className="hover:bg-transparent">
              <TableHead>{t("overview.colType")}</TableHead>
              <TableHead>{t("overview.colName")}</TableHead>
              <TableHead>{t("overview.colEndpoint")}</TableHead>
              <TableHead>{t("overview.colInterface")}</TableHead>
              <TableHead>{t("overview.colRegion")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {sorted.map((s) => (
              <TableRow key={`${s.type}-${s.url}`}>
                <TableCell className="font-medium">{s.type}</TableCell>
                <TableCell>{s.name}</TableCell>
                <TableCell className="max-w-[28rem] truncate font-mono text-xs" title={s.url}>
                  {s.url}
                </TableCell>
                <TableCell>
                  <Badge>{s.interface}</Badge>
                </TableCell>
                <TableCell className="text-muted-foreground">{s.region}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Card>
  );
}
