"use client";

import { useLocale, useT } from "@/lib/i18n/client";
import { formatDateTime } from "@/lib/format/relative-time";
import type { FanoutBenchState } from "@/lib/queries/lineage-fanout";
import { Badge } from "@/components/ui/badge";

/** The fan-out bench's result: "measured on this cloud" only when it ran against this cluster's fsid. */
export function FanoutBench({ bench }: { bench: FanoutBenchState }) {
  const t = useT();
  const locale = useLocale();
  if (bench.state === "not_measured")
    return (
      <section
        aria-labelledby="fanout-bench-title"
        className="space-y-1 px-4 pb-4 text-sm"
        data-testid="fanout-bench"
        data-bench="not_measured"
      >
        <h3 id="fanout-bench-title" className="flex items-center gap-2 font-medium">
          {t("lineageFanout.bench.title")} <Badge>{t("lineageFanout.bench.notMeasured")}</Badge>
        </h3>
        <p className="text-muted-foreground">{t(`lineageFanout.bench.why.${bench.reason}`)}</p>
      </section>
    );
  const r = bench.result;
  const mb = (n: number) => n.toLocaleString(locale, { maximumFractionDigits: 1 });
  return (
    <section aria-labelledby="fanout-bench-title" className="space-y-2 px-4 pb-4 text-sm" data-testid="fanout-bench" data-bench="measured">
      <h3 id="fanout-bench-title" className="flex items-center gap-2 font-medium">
        {t("lineageFanout.bench.title")} <Badge tone="success">{t("lineageFanout.bench.measured")}</Badge>
      </h3>
      <p className="text-muted-foreground">{t("lineageFanout.bench.when", { time: formatDateTime(r.measuredAt, locale) })}</p>
      <table className="text-sm tabular-nums">
        <caption className="sr-only">{t("lineageFanout.bench.caption")}</caption>
        <thead>
          <tr>
            <th scope="col" className="pr-4 text-left">
              {t("lineageFanout.bench.n")}
            </th>
            <th scope="col" className="pr-4 text-left">
              {t("lineageFanout.bench.clone")}
            </th>
            <th scope="col" className="pr-4 text-left">
              {t("lineageFanout.bench.flat")}
            </th>
            <th scope="col" className="text-left">
              {t("lineageFanout.bench.ratio")}
            </th>
          </tr>
        </thead>
        <tbody>
          {r.rows.map((row) => (
            <tr key={row.n}>
              <td className="pr-4">{row.n}</td>
              <td className="pr-4">{t("lineageFanout.bench.mbps", { value: mb(row.cloneMBps) })}</td>
              <td className="pr-4">{t("lineageFanout.bench.mbps", { value: mb(row.flatMBps) })}</td>
              <td>{row.ratio.toLocaleString(locale, { maximumFractionDigits: 2 })}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        {t("lineageFanout.bench.parentWrite", {
          before: mb(r.parentWrite.beforeMBps),
          after: mb(r.parentWrite.afterMBps),
          clones: r.parentWrite.clones,
        })}
      </p>
    </section>
  );
}
