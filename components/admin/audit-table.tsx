"use client";

import { useT } from "@/lib/i18n/client";
import type { AuditEntry } from "@/lib/api/types";
import { RelativeTime } from "@/components/common/relative-time";
import { Badge } from "@/components/ui/badge";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

const TONE = { pending: "info", ok: "success", error: "danger", refused: "warning" } as const;

/** One row per step: when, who (user, project, address), the action and step, and the result. `entries` undefined renders skeletons. */
export function AuditTable({ entries }: { entries: AuditEntry[] | undefined }) {
  const t = useT();
  return (
    <Table aria-busy={!entries} data-testid="audit-table">
      <TableCaption className="sr-only">{t("audit.caption")}</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHead>{t("audit.when")}</TableHead>
          <TableHead>{t("audit.who")}</TableHead>
          <TableHead>{t("audit.action")}</TableHead>
          <TableHead>{t("audit.step")}</TableHead>
          <TableHead>{t("audit.result")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {entries
          ? entries.map((e) => (
              <TableRow key={e.id} data-audit-id={e.id} data-result={e.result} data-action={e.action}>
                <TableCell className="whitespace-nowrap">
                  <RelativeTime value={e.at} />
                </TableCell>
                <TableCell>
                  <div data-testid="audit-user">{e.user}</div>
                  <div className="text-xs text-muted-foreground">
                    {e.project} · {t("audit.source")} {e.source}
                  </div>
                </TableCell>
                <TableCell>
                  <code className="text-xs">{e.action}</code>
                </TableCell>
                <TableCell>
                  <div className="text-sm">{e.step}</div>
                  {e.planId ? <div className="text-xs text-muted-foreground">{t("audit.plan", { planId: e.planId })}</div> : null}
                </TableCell>
                <TableCell>
                  <Badge tone={TONE[e.result]} dot>
                    {t(`audit.results.${e.result}`)}
                  </Badge>
                  {e.detail ? <div className="mt-1 max-w-xs text-xs text-muted-foreground">{e.detail}</div> : null}
                </TableCell>
              </TableRow>
            ))
          : [0, 1, 2].map((i) => (
              <TableRow key={i}>
                <TableCell colSpan={5}>
                  <Skeleton className="h-6" />
                </TableCell>
              </TableRow>
            ))}
      </TableBody>
    </Table>
  );
}
