"use client";

import { useState } from "react";
import { useT } from "@/lib/i18n/client";
import { useRouterMutations, useRouters } from "@/lib/queries/routers";
import type { RouterConfirm } from "@/components/routers/router-confirm";
import { PageHeader } from "@/components/common/page-header";
import { QueryError } from "@/components/common/query-error";
import { LazyConfirmDialog } from "@/components/netops/lazy-confirm";
import { CreateRouterForm } from "@/components/routers/create-router-form";
import { RouterCard } from "@/components/routers/router-card";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";

export function RoutersClient() {
  const t = useT();
  const list = useRouters();
  const m = useRouterMutations();
  const [confirm, setConfirm] = useState<RouterConfirm>(null);
  const data = list.data;
  const r = confirm?.router;
  const ips = r?.gateway?.ips.join(", ") ?? "";
  const mutation = confirm?.kind === "delete" ? m.remove : confirm?.kind === "clear" ? m.setGateway : m.removeInterface;
  const text =
    confirm?.kind === "delete"
      ? {
          title: t("routersPage.deleteTitle", { name: r?.name ?? "" }),
          body: t("routersPage.deleteBody", { ips: ips || t("common.none") }),
          label: t("netforms.delete"),
        }
      : confirm?.kind === "clear"
        ? {
            title: t("routersPage.clearTitle", { name: r?.name ?? "" }),
            body: t("routersPage.clearBody", { ips }),
            label: t("routersPage.clearGateway"),
          }
        : {
            title: t("routersPage.detachTitle", { name: r?.name ?? "", subnet: confirm?.subnet ?? "" }),
            body: t("routersPage.detachBody", { subnet: confirm?.subnet ?? "" }),
            label: t("routersPage.removeInterface"),
          };
  return (
    <>
      <PageHeader eyebrow={t("nav.project")} title={t("routersPage.title")} description={t("routersPage.description")} />
      {list.error ? <QueryError title={t("netforms.loadFailed")} error={list.error} onRetry={() => list.refetch()} /> : null}
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_26rem]">
        <div className="space-y-3" aria-busy={!data}>
          {!data ? (
            <Skeleton className="h-16 w-full" />
          ) : !data.items.length ? (
            <Card>
              <EmptyState icon="networks" title={t("routersPage.empty")} description={t("routersPage.emptyHint")} />
            </Card>
          ) : (
            data.items.map((x) => <RouterCard key={x.id} router={x} list={data} onConfirm={setConfirm} />)
          )}
        </div>
        {data ? <CreateRouterForm externalNetworks={data.externalNetworks} /> : null}
      </div>
      <LazyConfirmDialog
        open={!!confirm}
        onOpenChange={(o) => !o && (setConfirm(null), mutation.reset())}
        title={text.title}
        consequences={[text.body]}
        confirmLabel={text.label}
        pending={mutation.isPending}
        error={mutation.error}
        onConfirm={() => {
          if (!confirm) return;
          const done = { onSuccess: () => setConfirm(null) };
          if (confirm.kind === "delete") m.remove.mutate(confirm.router.id, done);
          else if (confirm.kind === "clear") m.setGateway.mutate({ id: confirm.router.id, externalNetworkId: null }, done);
          else m.removeInterface.mutate({ id: confirm.router.id, subnetId: confirm.subnetId }, done);
        }}
      />
    </>
  );
}
