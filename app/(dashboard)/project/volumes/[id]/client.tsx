"use client";

import Link from "next/link";
import { isApiError } from "@/lib/api/errors";
import { useT } from "@/lib/i18n/client";
import { useVolume } from "@/lib/queries/volumes";
import { PageHeader } from "@/components/common/page-header";
import { QueryError } from "@/components/common/query-error";
import { UnavailableNotice } from "@/components/common/unavailable-notice";
import { buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CardContent } from "@/components/ui/card-sections";
import { EmptyState } from "@/components/ui/empty-state";
import { Icon } from "@/components/ui/icon";
import { Skeleton } from "@/components/ui/skeleton";
import { VolumeActions } from "@/components/volumes/volume-actions";
import { VolumeFacts } from "@/components/volumes/volume-facts";
import { VolumeSnapshots } from "@/components/volumes/volume-snapshots";
import { VolumeStatusBadge } from "@/components/volumes/volume-status-badge";

export function VolumeClient({ id }: { id: string }) {
  const t = useT();
  const q = useVolume(id);
  const v = q.data;
  const back = (
    <Link href="/project/volumes" className="inline-flex items-center gap-1 hover:text-foreground">
      <Icon name="arrowLeft" className="size-3" />
      {t("nav.volumes")}
    </Link>
  );
  if (!v) {
    const gone = isApiError(q.error) && q.error.status === 404;
    return (
      <>
        <PageHeader eyebrow={back} title={q.isPending ? <Skeleton className="h-7 w-48" /> : t("volumeActions.detailTitle")} />
        {gone ? (
          <Card>
            <EmptyState
              icon="volumes"
              title={t("volumeActions.goneTitle")}
              description={t("volumeActions.goneBody")}
              action={
                <Link href="/project/volumes" className={buttonVariants()}>
                  {t("volumeActions.backToList")}
                </Link>
              }
            />
          </Card>
        ) : q.error ? (
          <QueryError title={t("volumeActions.detailError")} error={q.error} onRetry={() => q.refetch()} />
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
            <span className="min-w-0 break-all">{v.name || v.id}</span>
            <VolumeStatusBadge status={v.status} transient={v.transient} />
          </span>
        }
        description={<code className="font-mono text-xs">{v.id}</code>}
      />
      <div className="space-y-4">
        <UnavailableNotice unavailable={v.unavailable} className="rounded-md" />
        {q.error ? <QueryError title={t("volumeActions.detailError")} error={q.error} onRetry={() => q.refetch()} /> : null}
        <Card aria-label={t("volumeActions.actions")}>
          <CardContent>
            <VolumeActions volume={v} />
          </CardContent>
        </Card>
        <VolumeFacts volume={v} />
        <VolumeSnapshots snapshots={v.snapshots} />
      </div>
    </>
  );
}
