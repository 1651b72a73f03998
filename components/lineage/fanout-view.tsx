"use client";

import { useState } from "react";
import { WalksAlert } from "./walks-alert";
import { useLocale, useT } from "@/lib/i18n/client";
import { formatBytes } from "@/lib/format/bytes";
import { FANOUT_PAGE, useFanout, type FanoutRow, type FlattenAdvice } from "@/lib/queries/lineage-fanout";
import { QueryError } from "@/components/common/query-error";
import { upstreamFailureText } from "@/components/common/upstream-failure";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow, truncateCell } from "@/components/ui/table";
import { FanoutBench } from "./fanout-bench";
import { FanoutBytesText } from "./fanout-bytes";
import { FlattenDialog } from "./flatten-dialog";

const label = (r: Pick<FanoutRow, "owner" | "image">) => r.owner?.name ?? r.image;

/** The fan-out table (busiest parent first), what its numbers mean, the bench's answer and the flatten advice. */
export function FanoutView() {
  const t = useT();
  const locale = useLocale();
  const [offset, setOffset] = useState(0);
  const [advice, setAdvice] = useState<FlattenAdvice | null>(null);
  const q = useFanout(offset);
  if (q.error) return <QueryError title={t("lineageFanout.error")} error={q.error} onRetry={() => q.refetch()} />;
  if (!q.data)
    return (
      <div aria-busy="true" className="space-y-2 p-4">
        <Skeleton className="h-8" />
      </div>
    );
  const d = q.data;
  const bytes = (n: number) => formatBytes(n, locale) ?? "—";
  const adviceOf = new Map(d.advice.map((a) => [a.parent, a]));
  return (
    <div className="space-y-3" data-testid="fanout-view">
      <WalksAlert walks={d.coverage.walks} />
      <div className="space-y-1 px-4 text-sm text-muted-foreground">
        <p>{t("lineageFanout.explain.what")}</p>
        <p>{t("lineageFanout.explain.bytes")}</p>
        <p>{t("lineageFanout.explain.state")}</p>
        <p data-testid="fanout-limits">
          {t("lineageFanout.explain.limits", {
            running: d.limits.maxRunningClones,
            bytes: bytes(d.limits.maxParentBytes),
            parallel: d.limits.parallelFlattens,
          })}
        </p>
      </div>
      <FanoutBench bench={d.bench} />
      {d.total === 0 ? (
        <EmptyState title={t("lineageFanout.empty")} description={t("lineageFanout.emptyHint")} />
      ) : (
        <Table aria-label={t("lineageFanout.tableLabel")}>
          <caption className="sr-only">{t("lineageFanout.caption")}</caption>
          <TableHeader>
            <TableRow>
              <TableHead>{t("lineageFanout.col.parent")}</TableHead>
              <TableHead>{t("lineageFanout.col.clones")}</TableHead>
              <TableHead>{t("lineageFanout.col.chain")}</TableHead>
              <TableHead aria-sort="descending">{t("lineageFanout.col.reading")}</TableHead>
              <TableHead>{t("lineageFanout.col.advice")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {d.rows.map((r) => {
              const a = adviceOf.get(r.parent);
              return (
                <TableRow key={r.parent} data-parent={r.parent}>
                  <TableCell className={truncateCell} title={r.parent}>
                    <span className="font-medium">{label(r)}</span>
                    <span className="block text-xs text-muted-foreground">
                      {t("lineageFanout.snapshotOf", { snap: r.snap })}
                      {r.protected ? ` · ${t("lineageFanout.protected")}` : ""}
                    </span>
                  </TableCell>
                  <TableCell className="tabular-nums" data-testid="fanout-counts">
                    {t("lineageFanout.counts", r.direct)}
                  </TableCell>
                  <TableCell className="tabular-nums">
                    {r.indirect.total
                      ? t("lineageFanout.chain", { count: r.indirect.total, depth: r.indirect.maxDepth, running: r.indirect.running })
                      : t("lineageFanout.chainNone")}
                    {r.parentDepth > 0 ? (
                      <span className="block text-xs text-muted-foreground">
                        {t("lineageFanout.parentDepth", { depth: r.parentDepth })}
                      </span>
                    ) : null}
                  </TableCell>
                  <TableCell>
                    <FanoutBytesText value={r.runningInParent} />
                  </TableCell>
                  <TableCell>
                    {a ? (
                      <div className="space-y-1">
                        <Badge tone="warning">{t("lineageFanout.over")}</Badge>
                        <p className="text-xs">
                          {t("lineageFanout.advice", { count: a.clones.length, space: bytes(a.spaceAfterBytes) })}{" "}
                          <FanoutBytesText value={a.bytesToCopy} />
                          {a.seconds ? (
                            ` · ${t("lineageFanout.time", { p50: Math.ceil(a.seconds.p50), p90: Math.ceil(a.seconds.p90) })}`
                          ) : (
                            <span data-certainty="unknown" data-reason={a.timeUnknown ?? "bytes_unknown"}>
                              {` · ${t(`lineageFanout.timeUnknown.${a.timeUnknown ?? "bytes_unknown"}`)}`}
                            </span>
                          )}
                        </p>
                        <Button size="sm" variant="danger" onClick={() => setAdvice(a)} disabled={a.clones.length === 0}>
                          {t("lineageFanout.planFlatten", { count: a.clones.length })}
                        </Button>
                      </div>
                    ) : (
                      <span className="text-xs text-muted-foreground">{t("lineageFanout.within")}</span>
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      {d.total > FANOUT_PAGE ? (
        <nav className="flex items-center justify-end gap-2 px-4 pb-2 text-xs" aria-label={t("lineageFanout.pages")}>
          <Button size="sm" disabled={offset === 0} onClick={() => setOffset((o) => Math.max(0, o - FANOUT_PAGE))}>
            {t("lineage.roots.prev")}
          </Button>
          <Button size="sm" disabled={offset + FANOUT_PAGE >= d.total} onClick={() => setOffset((o) => o + FANOUT_PAGE)}>
            {t("lineage.roots.next")}
          </Button>
        </nav>
      ) : null}
      <p className="px-4 pb-4 text-xs text-muted-foreground" data-testid="fanout-throughput" data-source={d.throughput.source}>
        {d.throughput.source === "unavailable"
          ? t("lineageFanout.throughput.unavailable", { failure: upstreamFailureText(t, d.throughput) })
          : t(`lineageFanout.throughput.${d.throughput.source}`, {
              rate: bytes(d.throughput.bytesPerSecond.p50),
              samples: d.throughput.samples,
            })}
      </p>
      {advice ? <FlattenDialog advice={advice} onClose={() => setAdvice(null)} /> : null}
    </div>
  );
}
