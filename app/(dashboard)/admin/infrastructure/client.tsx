"use client";

import { useT } from "@/lib/i18n/client";
import { isApiError } from "@/lib/api/errors";
import { useInfrastructure } from "@/lib/queries/infrastructure";
import { PageHeader } from "@/components/common/page-header";
import { QueryError } from "@/components/common/query-error";
import { HypervisorTable } from "@/components/infrastructure/hypervisor-table";
import { ServiceTable } from "@/components/infrastructure/service-table";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CardContent, CardHeader, CardTitle } from "@/components/ui/card-sections";
import { EmptyState } from "@/components/ui/empty-state";
import { Icon } from "@/components/ui/icon";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";

export function InfrastructureClient() {
  const t = useT();
  const q = useInfrastructure();
  const forbidden = isApiError(q.error) && q.error.status === 403;
  const d = q.data;
  const refresh = (
    <Button onClick={() => q.refetch()} disabled={q.isFetching || forbidden}>
      {q.isFetching ? <Spinner /> : <Icon name="refresh" />}
      {q.isFetching ? t("common.refreshing") : t("common.refresh")}
    </Button>
  );
  const section = (id: string, title: string, count: number | null, up: number | null, body: React.ReactNode) => (
    <Card aria-labelledby={id}>
      <CardHeader>
        <CardTitle id={id}>{title}</CardTitle>
        {count !== null && up !== null ? (
          <Badge tone={up === count ? "success" : up === 0 ? "danger" : "warning"} dot>
            {t("infrastructure.summary", { up, total: count })}
          </Badge>
        ) : null}
      </CardHeader>
      {body}
    </Card>
  );
  return (
    <>
      <PageHeader
        eyebrow={t("nav.admin")}
        title={t("infrastructure.title")}
        description={t("infrastructure.description")}
        actions={refresh}
      />
      {forbidden ? (
        <Card>
          <EmptyState icon="lock" title={t("infrastructure.forbiddenTitle")} description={t("infrastructure.forbiddenBody")} />
        </Card>
      ) : q.error && !d ? (
        <QueryError title={t("infrastructure.error")} error={q.error} onRetry={() => q.refetch()} />
      ) : !d ? (
        <Card aria-busy>
          <CardContent className="space-y-3">
            {[1, 2, 3, 4].map((k) => (
              <Skeleton key={k} className="h-5 w-full" />
            ))}
          </CardContent>
        </Card>
      ) : (
        <div className="space-y-4">
          {d.unavailable.map((u) => (
            <p key={u.service} className="text-sm text-warning">
              {t("infrastructure.unavailable", { service: u.service })}
            </p>
          ))}
          {section(
            "hypervisors-title",
            t("infrastructure.hypervisors"),
            d.hypervisors.length,
            d.hypervisors.filter((h) => h.state === "up").length,
            d.hypervisors.length ? <HypervisorTable hypervisors={d.hypervisors} /> : <EmptyState title={t("infrastructure.empty")} />,
          )}
          {section(
            "services-title",
            t("infrastructure.services"),
            d.services.length,
            d.services.filter((s) => s.state === "up").length,
            d.services.length ? <ServiceTable services={d.services} /> : <EmptyState title={t("infrastructure.empty")} />,
          )}
        </div>
      )}
    </>
  );
}
