"use client";

import Link from "next/link";
import { useT } from "@/lib/i18n/client";
import { useRecentActions } from "@/lib/queries/overview";
import { QueryError } from "@/components/common/query-error";
import { RelativeTime } from "@/components/common/relative-time";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { CardContent, CardHeader, CardTitle } from "@/components/ui/card-sections";
import { Skeleton } from "@/components/ui/skeleton";
import { novaActionLabel } from "@/components/instances/nova-action-label";

/** The project's recent instance actions (Nova's action logs), newest first; the user's own are marked. */
export function RecentActionsCard() {
  const t = useT();
  const q = useRecentActions();
  return (
    <Card aria-labelledby="recent-title">
      <CardHeader>
        <CardTitle id="recent-title">{t("quotaUsage.recentTitle")}</CardTitle>
      </CardHeader>
      <CardContent>
        {q.error && !q.data ? <QueryError title={t("quotaUsage.recentError")} error={q.error} onRetry={() => q.refetch()} /> : null}
        {!q.data && !q.error ? <Skeleton className="h-16 w-full" /> : null}
        {q.data && q.data.items.length === 0 ? <p className="text-sm text-muted-foreground">{t("quotaUsage.recentEmpty")}</p> : null}
        {q.data?.items.length ? (
          <ul className="divide-y text-sm" data-testid="recent-actions">
            {q.data.items.map((a) => (
              <li key={a.requestId + a.serverId} className="flex flex-wrap items-center gap-x-2 gap-y-1 py-1.5">
                <Badge>{novaActionLabel(t, a.action)}</Badge>
                <Link
                  href={`/project/instances/${a.serverId}`}
                  className="max-w-[16rem] truncate text-primary hover:underline"
                  title={a.serverName || undefined}
                >
                  {a.serverName || <span className="italic">{t("instances.unnamed")}</span>}
                </Link>
                {a.mine ? <span className="text-xs text-muted-foreground">{t("quotaUsage.recentMine")}</span> : null}
                <span className="ml-auto text-xs text-muted-foreground">
                  <RelativeTime value={/[zZ]|[+-]\d\d:?\d\d$/.test(a.at) ? a.at : `${a.at}Z`} />
                </span>
              </li>
            ))}
          </ul>
        ) : null}
      </CardContent>
    </Card>
  );
}
