"use client";

import { useT } from "@/lib/i18n/client";
import type { RolloutRunSummary } from "@/lib/queries/rollouts";
import { RelativeTime } from "@/components/common/relative-time";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { RolloutStatusBadge } from "./status-badge";

const seconds = (r: RolloutRunSummary) =>
  Math.round(((r.finishedAt ? Date.parse(r.finishedAt) : Date.now()) - Date.parse(r.startedAt)) / 100) / 10;

/** Runs, newest first; each row opens its run (a link, so Enter and middle-click work). */
export function RolloutRunsTable({
  runs,
  selected,
  hrefOf,
}: {
  runs: RolloutRunSummary[];
  selected: string | null;
  hrefOf: (id: string) => string;
}) {
  const t = useT();
  return (
    <Table data-testid="rollout-runs">
      <TableHeader>
        <TableRow>
          <TableHead>{t("rollouts.col.status")}</TableHead>
          <TableHead>{t("rollouts.col.pool")}</TableHead>
          <TableHead>{t("rollouts.col.version")}</TableHead>
          <TableHead>{t("rollouts.col.startedBy")}</TableHead>
          <TableHead>{t("rollouts.col.started")}</TableHead>
          <TableHead className="text-right">{t("rollouts.col.duration")}</TableHead>
          <TableHead className="text-right">{t("rollouts.col.requests")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {runs.map((r) => (
          <TableRow
            key={r.id}
            data-run-id={r.id}
            aria-current={r.id === selected ? "true" : undefined}
            className={r.id === selected ? "bg-muted/60" : undefined}
          >
            <TableCell>
              <a
                href={hrefOf(r.id)}
                className="inline-flex rounded focus-visible:outline-2 focus-visible:outline-ring"
                aria-label={t("rollouts.open", { id: r.id })}
              >
                <RolloutStatusBadge status={r.status} />
              </a>
            </TableCell>
            <TableCell>{r.pool}</TableCell>
            <TableCell className="font-mono text-xs">{r.version}</TableCell>
            <TableCell>{r.startedBy}</TableCell>
            <TableCell>
              <RelativeTime value={r.startedAt} />
            </TableCell>
            <TableCell className="text-right tabular-nums">{t("rollouts.seconds", { seconds: seconds(r) })}</TableCell>
            <TableCell className={r.failed ? "text-right tabular-nums text-danger" : "text-right tabular-nums"}>
              {t("rollouts.requests", { served: r.served, failed: r.failed })}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
