"use client";

import { useRouter, useSearchParams } from "next/navigation";
import { useT } from "@/lib/i18n/client";
import { isApiError } from "@/lib/api/errors";
import { type AllKind, useAllProjects } from "@/lib/queries/all-projects";
import { PageHeader } from "@/components/common/page-header";
import { QueryError } from "@/components/common/query-error";
import { RelativeTime } from "@/components/common/relative-time";
import { InstanceStatusBadge } from "@/components/instances/instance-status-badge";
import { VolumeStatusBadge } from "@/components/volumes/volume-status-badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CardHeader, CardTitle } from "@/components/ui/card-sections";
import { EmptyState } from "@/components/ui/empty-state";
import { Input, Label } from "@/components/ui/input";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

type Row = {
  id: string;
  name: string | null;
  status: string;
  projectId: string | null;
  host: string | null;
  created: string;
  sizeGiB?: number;
  type?: string | null;
};

/** Admin: every project's instances or volumes, filtered by a project id (from the URL), paged by the service. */
export function AllProjectsView({ kind }: { kind: AllKind }) {
  const t = useT();
  const router = useRouter();
  const params = useSearchParams();
  const project = params.get("project") ?? undefined;
  const marker = params.get("marker") ?? undefined;
  const q = useAllProjects(kind, { project, marker });
  const forbidden = isApiError(q.error) && q.error.status === 403;
  const rows = q.data?.items as Row[] | undefined;
  const names = new Map(q.data?.projects.map((p) => [p.id, p.name]) ?? []);
  const go = (next: { project?: string; marker?: string }) => {
    const sp = new URLSearchParams();
    if (next.project) sp.set("project", next.project);
    if (next.marker) sp.set("marker", next.marker);
    router.push(`?${sp.toString()}`);
  };
  const title = t(kind === "instances" ? "allProjects.instancesTitle" : "allProjects.volumesTitle");
  return (
    <>
      <PageHeader eyebrow={t("nav.admin")} title={title} description={t("allProjects.description")} />
      {forbidden ? (
        <Card>
          <EmptyState icon="lock" title={t("infrastructure.forbiddenTitle")} description={t("infrastructure.forbiddenBody")} />
        </Card>
      ) : (
        <Card aria-labelledby="all-title">
          <CardHeader>
            <CardTitle id="all-title">{title}</CardTitle>
            <form
              className="flex flex-wrap items-end gap-2"
              onSubmit={(e) => {
                e.preventDefault();
                go({ project: String(new FormData(e.currentTarget).get("project") ?? "").trim() || undefined });
              }}
            >
              <div className="space-y-1">
                <Label htmlFor="all-project">{t("allProjects.project")}</Label>
                <Input
                  id="all-project"
                  name="project"
                  list="all-project-names"
                  defaultValue={project ?? ""}
                  placeholder={t("allProjects.projectPlaceholder")}
                  className="w-80"
                />
                <datalist id="all-project-names">
                  {q.data?.projects.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </datalist>
              </div>
              <Button type="submit">{t("allProjects.filter")}</Button>
              {project ? <Button onClick={() => go({})}>{t("allProjects.clear")}</Button> : null}
            </form>
          </CardHeader>
          {q.error && !rows ? (
            <div className="p-4">
              <QueryError title={t("allProjects.error")} error={q.error} onRetry={() => q.refetch()} />
            </div>
          ) : rows && rows.length === 0 ? (
            <EmptyState title={t("allProjects.empty")} />
          ) : (
            <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={title}>
              <Table aria-busy={!rows}>
                <TableCaption>{title}</TableCaption>
                <TableHeader>
                  <TableRow className="hover:bg-transparent">
                    <TableHead>{t("allProjects.colName")}</TableHead>
                    <TableHead>{t("allProjects.colStatus")}</TableHead>
                    <TableHead>{t("allProjects.colProject")}</TableHead>
                    <TableHead>{t("allProjects.colHost")}</TableHead>
                    {kind === "volumes" ? <TableHead>{t("allProjects.colSize")}</TableHead> : null}
                    <TableHead>{t("allProjects.colCreated")}</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {(rows ?? []).map((r) => (
                    <TableRow key={r.id} data-testid={`all-row-${r.id}`}>
                      <TableCell>
                        <div className="max-w-[20rem] truncate font-medium" title={r.name ?? r.id}>
                          {r.name || r.id}
                        </div>
                        <div className="font-mono text-[11px] text-muted-foreground">{r.id.slice(0, 8)}</div>
                      </TableCell>
                      <TableCell>
                        {kind === "instances" ? (
                          <InstanceStatusBadge status={r.status} taskState={null} />
                        ) : (
                          <VolumeStatusBadge status={r.status} transient={false} />
                        )}
                      </TableCell>
                      <TableCell>
                        {r.projectId && names.get(r.projectId) ? <span>{names.get(r.projectId)} </span> : null}
                        <code className="font-mono text-xs">{r.projectId?.slice(0, 8) ?? "—"}</code>
                      </TableCell>
                      <TableCell className="max-w-[14rem] truncate" title={r.host ?? undefined}>
                        {r.host ?? "—"}
                      </TableCell>
                      {kind === "volumes" ? (
                        <TableCell>{t("allProjects.size", { size: r.sizeGiB ?? 0, type: r.type ?? "—" })}</TableCell>
                      ) : null}
                      <TableCell>
                        <RelativeTime value={r.created.endsWith("Z") ? r.created : `${r.created}Z`} />
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          )}
          {q.data?.nextMarker || marker ? (
            <div className="flex gap-2 border-t p-3">
              {marker ? <Button onClick={() => go({ project })}>{t("allProjects.first")}</Button> : null}
              {q.data?.nextMarker ? (
                <Button onClick={() => go({ project, marker: q.data?.nextMarker ?? undefined })}>{t("allProjects.next")}</Button>
              ) : null}
            </div>
          ) : null}
        </Card>
      )}
    </>
  );
}
