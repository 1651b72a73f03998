"use client";

import Link from "next/link";
import { useT } from "@/lib/i18n/client";
import { isApiError } from "@/lib/api/errors";
import { useInstance } from "@/lib/queries/instances";
import { PageHeader } from "@/components/common/page-header";
import { QueryError } from "@/components/common/query-error";
import { UnavailableNotice } from "@/components/common/unavailable-notice";
import { InstanceActions } from "@/components/instances/instance-actions";
import { InstanceFacts } from "@/components/instances/instance-facts";
import { InstanceTabs } from "@/components/instances/instance-tabs";
import { InstanceStatusBadge } from "@/components/instances/instance-status-badge";
import { NovaFault } from "@/components/instances/nova-fault";
import { Alert } from "@/components/ui/alert";
import { buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CardContent } from "@/components/ui/card-sections";
import { EmptyState } from "@/components/ui/empty-state";
import { Icon } from "@/components/ui/icon";
import { Skeleton } from "@/components/ui/skeleton";

export function InstanceClient({ id }: { id: string }) {
  const t = useT();
  const q = useInstance(id);
  const i = q.data;
  const back = (
    <Link href="/project/instances" className="inline-flex items-center gap-1 hover:text-foreground">
      <Icon name="arrowLeft" className="size-3" />
      {t("nav.instances")}
    </Link>
  );
  if (!i) {
    const gone = isApiError(q.error) && q.error.status === 404;
    return (
      <>
        <PageHeader eyebrow={back} title={q.isPending ? <Skeleton className="h-7 w-48" /> : t("instances.detailTitle")} />
        {gone ? (
          <Card>
            <EmptyState
              icon="instances"
              title={t("instances.goneTitle")}
              description={t("instances.goneBody")}
              action={
                <Link href="/project/instances" className={buttonVariants()}>
                  {t("instances.backToList")}
                </Link>
              }
            />
          </Card>
        ) : q.error ? (
          <QueryError title={t("instances.detailError")} error={q.error} onRetry={() => q.refetch()} />
        ) : (
          <Card aria-busy>
            <CardContent className="space-y-3">
              {[1, 2, 3, 4].map((k) => (
                <Skeleton key={k} className="h-5 w-full" />
              ))}
            </CardContent>
          </Card>
        )}
      </>
    );
  }
  return (
    <>
      <PageHeader
        eyebrow={back}
        title={
          <span className="inline-flex max-w-full flex-wrap items-center gap-3">
            <span className="min-w-0 break-all">{i.name || i.id}</span>
            <InstanceStatusBadge status={i.status} taskState={i.taskState} />
          </span>
        }
        description={<code className="font-mono text-xs">{i.id}</code>}
      />
      <div className="space-y-4">
        <UnavailableNotice unavailable={i.unavailable} className="rounded-md" />
        {i.fault ? (
          <Alert tone="danger" title={t("instances.faultTitle", { code: i.fault.code })}>
            <NovaFault reason={i.faultReason ?? { code: "unknown", params: {} }} message={i.fault.message} details={i.fault.details} />
          </Alert>
        ) : null}
        {q.error ? <QueryError title={t("instances.detailError")} error={q.error} onRetry={() => q.refetch()} /> : null}
        <Card aria-label={t("instances.actions")}>
          <CardContent>
            <InstanceActions instance={i} />
          </CardContent>
        </Card>
        <InstanceTabs instance={i} overview={<InstanceFacts instance={i} />} />
      </div>
    </>
  );
}
