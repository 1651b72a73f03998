"use client";

import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import type { QuotaBar, QuotaUsage } from "@/lib/queries/overview";
import { QueryError } from "@/components/common/query-error";
import { Card } from "@/components/ui/card";
import { CardContent, CardHeader, CardTitle } from "@/components/ui/card-sections";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/lib/cn";

const SECTIONS = ["compute", "volume", "network"] as const;

/** One bar: its numbers as text (what a screen reader reads), the drawn bar beside them as decoration. */
function Bar({ bar }: { bar: QuotaBar }) {
  const t = useT();
  const name = t(`quotaUsage.names.${bar.resource}` as MessageKey);
  const label = bar.volumeType ? t("quotaUsage.perType", { name, type: bar.volumeType }) : name;
  const percent = bar.limit ? Math.round((bar.used / bar.limit) * 100) : 0;
  const numbers =
    bar.limit === null
      ? t("quotaUsage.barUnlimited", { used: bar.used })
      : bar.reserved
        ? t("quotaUsage.barReserved", { used: bar.used, limit: bar.limit, percent, reserved: bar.reserved })
        : t("quotaUsage.bar", { used: bar.used, limit: bar.limit, percent });
  return (
    <li className="space-y-1" data-testid={`quota-${bar.resource}${bar.volumeType ? `-${bar.volumeType}` : ""}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-x-2 text-sm">
        <span className="font-medium">{label}</span>
        <span className="text-muted-foreground">{numbers}</span>
      </div>
      <div className="h-2 w-full rounded-full bg-muted" aria-hidden>
        {bar.limit !== null ? (
          <div
            className={cn("h-2 rounded-full", percent >= 100 ? "bg-danger" : percent >= 80 ? "bg-warning" : "bg-primary")}
            style={{ width: `${Math.min(100, Math.max(percent, bar.used > 0 ? 2 : 0))}%` }}
          />
        ) : null}
      </div>
    </li>
  );
}

/** Quota usage per service as bar charts; a service that did not answer is named. */
export function QuotaCharts({ data, error, onRetry }: { data: QuotaUsage | undefined; error: unknown; onRetry: () => void }) {
  const t = useT();
  return (
    <Card aria-labelledby="quota-title">
      <CardHeader>
        <CardTitle id="quota-title">{t("quotaUsage.title")}</CardTitle>
      </CardHeader>
      <CardContent className="space-y-4">
        {error && !data ? <QueryError title={t("quotaUsage.error")} error={error} onRetry={onRetry} /> : null}
        {data?.unavailable.map((u) => (
          <p key={u.service} className="text-sm text-warning">
            {t("quotaUsage.unavailable", { service: u.service })}
          </p>
        ))}
        {!data && !error ? (
          <div className="space-y-3" aria-busy>
            {[1, 2, 3].map((k) => (
              <Skeleton key={k} className="h-6 w-full" />
            ))}
          </div>
        ) : null}
        {data ? (
          <div className="grid gap-6 lg:grid-cols-3">
            {SECTIONS.map((s) => (
              <section key={s} aria-labelledby={`quota-${s}`}>
                <h3 id={`quota-${s}`} className="mb-2 text-xs font-semibold uppercase tracking-wide text-muted-foreground">
                  {t(`quotaUsage.${s}`)}
                </h3>
                {data[s].length ? (
                  <ul className="space-y-3">
                    {data[s].map((b) => (
                      <Bar key={`${b.resource}-${b.volumeType ?? ""}`} bar={b} />
                    ))}
                  </ul>
                ) : (
                  <p className="text-sm text-muted-foreground">{t("quotaUsage.empty")}</p>
                )}
              </section>
            ))}
          </div>
        ) : null}
      </CardContent>
    </Card>
  );
}
