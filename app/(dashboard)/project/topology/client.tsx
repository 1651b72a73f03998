"use client";

import Link from "next/link";
import { useT } from "@/lib/i18n/client";
import { useTopology } from "@/lib/queries/topology";
import { PageHeader } from "@/components/common/page-header";
import { QueryError } from "@/components/common/query-error";
import { TopologyGraph } from "@/components/topology/topology-graph";
import { TopologyText } from "@/components/topology/topology-text";
import { buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";

export function TopologyClient() {
  const t = useT();
  const graph = useTopology();
  const data = graph.data;
  return (
    <>
      <PageHeader eyebrow={t("nav.project")} title={t("topologyPage.title")} description={t("topologyPage.description")} />
      {graph.error ? <QueryError title={t("netforms.loadFailed")} error={graph.error} onRetry={() => graph.refetch()} /> : null}
      {!data ? (
        <Skeleton className="h-16 w-full" aria-busy="true" />
      ) : !data.nodes.length ? (
        <Card>
          <EmptyState
            icon="networks"
            title={t("topologyPage.empty")}
            description={t("topologyPage.emptyHint")}
            action={
              <Link href="/project/networks/create" className={buttonVariants({ variant: "primary" })}>
                {t("networkDetail.createButton")}
              </Link>
            }
          />
        </Card>
      ) : (
        <div className="space-y-4">
          <Card className="p-2">
            <TopologyGraph topology={data} />
          </Card>
          <Card className="p-4">
            <h2 className="mb-2 text-sm font-semibold">{t("topologyPage.textTitle")}</h2>
            <TopologyText topology={data} />
          </Card>
        </div>
      )}
    </>
  );
}
