"use client";

import { useT } from "@/lib/i18n/client";
import { useOverview, useQuotaUsage } from "@/lib/queries/overview";
import { useSession } from "@/lib/queries/auth";
import { PageHeader } from "@/components/common/page-header";
import { CatalogTable } from "@/components/overview/catalog-table";
import { QuotaCharts } from "@/components/overview/quota-charts";
import { RecentActionsCard } from "@/components/overview/recent-actions";
import { SessionCard } from "@/components/overview/session-card";

export function OverviewClient() {
  const t = useT();
  const session = useSession();
  const catalog = useOverview();
  const quotas = useQuotaUsage();
  return (
    <>
      <PageHeader eyebrow={t("nav.project")} title={t("overview.title")} description={t("overview.description")} />
      <div className="mb-4 grid grid-cols-[minmax(0,1fr)] items-start gap-4 2xl:grid-cols-[minmax(0,1fr)_minmax(0,26rem)]">
        <QuotaCharts data={quotas.data} error={quotas.error} onRetry={() => quotas.refetch()} />
        <RecentActionsCard />
      </div>
      <div className="grid grid-cols-[minmax(0,1fr)] items-start gap-4 xl:grid-cols-[minmax(0,22rem)_minmax(0,1fr)]">
        <SessionCard session={session.data} />
        <CatalogTable
          services={catalog.data?.services}
          region={session.data?.region ?? ""}
          isPending={catalog.isPending}
          error={catalog.error}
          isRefetching={catalog.isRefetching}
          onRetry={() => catalog.refetch()}
        />
      </div>
    </>
  );
}
