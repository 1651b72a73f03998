"use client";

import { useState, type FormEvent } from "react";
import { useT } from "@/lib/i18n/client";
import { isApiError } from "@/lib/api/errors";
import { auditExportUrl, useAuditLog, type AuditFilters, type AuditResultFilter } from "@/lib/queries/audit";
import { PageHeader } from "@/components/common/page-header";
import { QueryError } from "@/components/common/query-error";
import { AuditTable } from "@/components/admin/audit-table";
import { Button, buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Icon } from "@/components/ui/icon";
import { Input, Label } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";

const RESULTS: AuditResultFilter[] = ["pending", "ok", "error", "refused"];
const ACTIONS = ["lineage.cleanup", "lineage.flatten", "dhcp.heal"];

export function AuditClient() {
  const t = useT();
  const [filters, setFilters] = useState<AuditFilters>({});
  const [draft, setDraft] = useState<AuditFilters>({});
  const q = useAuditLog(filters);
  const forbidden = isApiError(q.error) && q.error.status === 403;
  const entries = q.data?.pages.flatMap((p) => p.entries);
  const apply = (e: FormEvent) => {
    e.preventDefault();
    setFilters(draft);
  };

  const actions = (
    <>
      {forbidden ? null : (
        <a href={auditExportUrl(filters)} download className={buttonVariants({ variant: "secondary" })} data-testid="audit-export">
          <Icon name="audit" />
          {t("audit.export")}
        </a>
      )}
      <Button onClick={() => q.refetch()} disabled={q.isFetching || forbidden}>
        {q.isFetching ? <Spinner /> : <Icon name="refresh" />}
        {q.isFetching ? t("common.refreshing") : t("common.refresh")}
      </Button>
    </>
  );
  const header = <PageHeader eyebrow={t("nav.admin")} title={t("audit.title")} description={t("audit.description")} actions={actions} />;
  if (forbidden)
    return (
      <>
        {header}
        <Card>
          <EmptyState icon="lock" title={t("audit.forbiddenTitle")} description={t("audit.forbiddenBody")} />
        </Card>
      </>
    );

  return (
    <div className="space-y-4">
      {header}
      <form onSubmit={apply} aria-label={t("audit.filters")} className="flex flex-wrap items-end gap-3" data-testid="audit-filters">
        <div className="space-y-1">
          <Label htmlFor="audit-user">{t("audit.user")}</Label>
          <Input id="audit-user" name="user" value={draft.user ?? ""} onChange={(e) => setDraft({ ...draft, user: e.target.value })} />
        </div>
        <div className="space-y-1">
          <Label htmlFor="audit-action">{t("audit.action")}</Label>
          <Select
            id="audit-action"
            name="action"
            value={draft.action ?? ""}
            onChange={(e) => setDraft({ ...draft, action: e.target.value })}
          >
            <option value="">{t("audit.any")}</option>
            {ACTIONS.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </Select>
        </div>
        <div className="space-y-1">
          <Label htmlFor="audit-result">{t("audit.result")}</Label>
          <Select
            id="audit-result"
            name="result"
            value={draft.result ?? ""}
            onChange={(e) => setDraft({ ...draft, result: (e.target.value || undefined) as AuditResultFilter | undefined })}
          >
            <option value="">{t("audit.any")}</option>
            {RESULTS.map((r) => (
              <option key={r} value={r}>
                {t(`audit.results.${r}`)}
              </option>
            ))}
          </Select>
        </div>
        <Button type="submit">{t("audit.apply")}</Button>
      </form>
      {q.error ? <QueryError title={t("audit.error")} error={q.error} onRetry={() => q.refetch()} /> : null}
      {entries && entries.length === 0 ? (
        <Card>
          <EmptyState icon="inbox" title={t("audit.empty")} description={t("audit.emptyHint")} />
        </Card>
      ) : (
        <Card>
          <AuditTable entries={entries} />
        </Card>
      )}
      {q.hasNextPage ? (
        <Button variant="secondary" onClick={() => q.fetchNextPage()} disabled={q.isFetchingNextPage}>
          {q.isFetchingNextPage ? <Spinner /> : null}
          {t("audit.more")}
        </Button>
      ) : null}
    </div>
  );
}
