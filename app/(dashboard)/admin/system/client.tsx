"use client";

import { useT } from "@/lib/i18n/client";
import { isApiError } from "@/lib/api/errors";
import { useSystem } from "@/lib/queries/system";
import { PageHeader } from "@/components/common/page-header";
import { QueryError } from "@/components/common/query-error";
import { RelativeTime } from "@/components/common/relative-time";
import { SystemTable } from "@/components/system/system-table";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CardHeader, CardTitle } from "@/components/ui/card-sections";
import { EmptyState } from "@/components/ui/empty-state";
import { Icon } from "@/components/ui/icon";
import { Spinner } from "@/components/ui/spinner";

export function SystemClient() {
  const t = useT();
  const services = useSystem();
  const forbidden = isApiError(services.error) && services.error.status === 403;
  const list = services.data?.services;
  const up = list?.filter((s) => s.reachable).length ?? 0;
  const [checkedBefore, checkedAfter = ""] = t("system.checkedAt").split("{time}");

  const refresh = (
    <Button onClick={() => services.refetch()} disabled={services.isFetching || forbidden}>
      {services.isFetching ? <Spinner /> : <Icon name="refresh" />}
      {services.isFetching ? t("common.refreshing") : t("common.refresh")}
    </Button>
  );

  return (
    <>
      <PageHeader eyebrow={t("nav.admin")} title={t("system.title")} description={t("system.description")} actions={refresh} />
      {forbidden ? (
        <Card>
          <EmptyState icon="lock" title={t("system.forbiddenTitle")} description={t("system.forbiddenBody")} />
        </Card>
      ) : (
        <Card aria-labelledby="services-title">
          <CardHeader>
            <CardTitle id="services-title">{t("system.services")}</CardTitle>
            <div className="flex items-center gap-3 text-xs text-muted-foreground">
              {list ? (
                <Badge tone={up === list.length ? "success" : up === 0 ? "danger" : "warning"} dot>
                  {t("system.summary", { up, total: list.length })}
                </Badge>
              ) : null}
              {services.dataUpdatedAt ? (
                <span aria-live="polite">
                  {checkedBefore}
                  <RelativeTime value={new Date(services.dataUpdatedAt).toISOString()} />
                  {checkedAfter}
                </span>
              ) : null}
            </div>
          </CardHeader>
          {services.error && !list ? (
            <div className="p-4">
              <QueryError title={t("system.error")} error={services.error} onRetry={() => services.refetch()} />
            </div>
          ) : list && list.length === 0 ? (
            <EmptyState title={t("system.empty")} description={t("system.emptyHint")} />
          ) : (
            <>
              {services.error ? (
                <div className="border-b p-3">
                  <QueryError title={t("system.error")} error={services.error} onRetry={() => services.refetch()} />
                </div>
              ) : null}
              <SystemTable services={list} />
            </>
          )}
        </Card>
      )}
    </>
  );
}
