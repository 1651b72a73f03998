"use client";

import Link from "next/link";
import { useT } from "@/lib/i18n/client";
import { isApiError } from "@/lib/api/errors";
import { useImage } from "@/lib/queries/images";
import { PageHeader } from "@/components/common/page-header";
import { QueryError } from "@/components/common/query-error";
import { ImageActions } from "@/components/images/image-actions";
import { ImageFacts } from "@/components/images/image-facts";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CardContent } from "@/components/ui/card-sections";
import { EmptyState } from "@/components/ui/empty-state";
import { Icon } from "@/components/ui/icon";
import { Skeleton } from "@/components/ui/skeleton";

export function ImageClient({ id }: { id: string }) {
  const t = useT();
  const q = useImage(id);
  const i = q.data;
  const back = (
    <Link href="/project/images" className="inline-flex items-center gap-1 hover:text-foreground">
      <Icon name="arrowLeft" className="size-3" />
      {t("imageActions.back")}
    </Link>
  );
  if (!i) {
    const gone = isApiError(q.error) && q.error.status === 404;
    return (
      <>
        <PageHeader eyebrow={back} title={q.isPending ? <Skeleton className="h-7 w-48" /> : t("imageActions.detailTitle")} />
        {gone ? (
          <Card>
            <EmptyState
              icon="images"
              title={t("imageActions.goneTitle")}
              description={t("imageActions.goneBody")}
              action={
                <Link href="/project/images" className={buttonVariants()}>
                  {t("imageActions.back")}
                </Link>
              }
            />
          </Card>
        ) : q.error ? (
          <QueryError title={t("imageActions.detailError")} error={q.error} onRetry={() => q.refetch()} />
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
  const copied = i.copiedNotCloned === true;
  return (
    <>
      <PageHeader
        eyebrow={back}
        title={
          <span className="inline-flex max-w-full flex-wrap items-center gap-3">
            <span className="min-w-0 break-all">{i.name || i.id}</span>
            <Badge tone={i.status === "active" ? "success" : i.transient ? "warning" : "neutral"} data-testid="image-status">
              {i.status}
            </Badge>
          </span>
        }
        description={<code className="font-mono text-xs">{i.id}</code>}
      />
      <div className="space-y-4">
        {q.error ? <QueryError title={t("imageActions.detailError")} error={q.error} onRetry={() => q.refetch()} /> : null}
        {copied ? (
          <Alert tone="warning" title={t("imageActions.copyWarningTitle")} data-testid="image-copy-warning">
            <p>{t("boot.plan.fails.raw_format", { format: i.diskFormat ?? "?" })}.</p>
            <p>{t("boot.fix.raw_format")}</p>
          </Alert>
        ) : i.cloneVerdict === "clone" ? (
          <p className="text-sm text-success">{t("imageActions.cloneOk")}</p>
        ) : null}
        <Card id="convert" aria-label={t("imageActions.actions")}>
          <CardContent>
            <ImageActions image={i} />
          </CardContent>
        </Card>
        <ImageFacts image={i} />
      </div>
    </>
  );
}
