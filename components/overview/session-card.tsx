"use client";

import type { ReactNode } from "react";
import { useT } from "@/lib/i18n/client";
import type { Session } from "@/lib/api/types";
import { RelativeTime } from "@/components/common/relative-time";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { CardContent, CardHeader, CardTitle } from "@/components/ui/card-sections";
import { Skeleton } from "@/components/ui/skeleton";

function Row({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[8rem_minmax(0,1fr)] items-baseline gap-3 py-1.5">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="min-w-0 text-sm">{children}</dd>
    </div>
  );
}

/** Who is signed in, where, and until when. */
export function SessionCard({ session }: { session: Session | undefined }) {
  const t = useT();
  const expired = session ? new Date(session.expiresAt).getTime() <= Date.now() : false;
  return (
    <Card aria-labelledby="session-card-title">
      <CardHeader>
        <CardTitle id="session-card-title">{t("overview.session")}</CardTitle>
        {session?.isAdmin ? <Badge tone="info">{t("overview.adminBadge")}</Badge> : null}
      </CardHeader>
      <CardContent className="py-2">
        {!session ? (
          <div className="space-y-3 py-2" aria-busy="true">
            {Array.from({ length: 6 }, (_, i) => (
              <Skeleton key={i} className="h-4 w-full" />
            ))}
          </div>
        ) : (
          <dl className="divide-y">
            <Row label={t("overview.user")}>
              <span className="font-medium">{session.user.name}</span>
              <span className="ml-1.5 text-xs text-muted-foreground">({session.user.domain.name})</span>
            </Row>
            <Row label={t("overview.project")}>
              <span className="font-medium">{session.project.name}</span>
              <span className="ml-1.5 text-xs text-muted-foreground">({session.project.domain.name})</span>
              <div className="truncate font-mono text-[11px] text-muted-foreground" title={session.project.id}>
                {session.project.id}
              </div>
            </Row>
            <Row label={t("overview.roles")}>
              <ul className="flex flex-wrap gap-1" aria-label={t("overview.roles")}>
                {[...session.roles].sort().map((r) => (
                  <li key={r}>
                    <Badge tone={r === "admin" ? "info" : "neutral"}>{r}</Badge>
                  </li>
                ))}
              </ul>
            </Row>
            <Row label={t("overview.region")}>{session.region}</Row>
            <Row label={t("overview.authMethod")}>
              {session.authMethod === "password" ? t("overview.authPassword") : t("overview.authAppCred")}
            </Row>
            <Row label={t("overview.expires")}>
              {expired ? (
                <Badge tone="danger" dot>
                  {t("overview.expired")}
                </Badge>
              ) : (
                <RelativeTime value={session.expiresAt} />
              )}
            </Row>
          </dl>
        )}
      </CardContent>
    </Card>
  );
}
