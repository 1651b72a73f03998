"use client";

import { useState } from "react";
import { useT } from "@/lib/i18n/client";
import { useRouterMutations, useRouters } from "@/lib/queries/routers";
import type { RouterConfirm } from "@/components/routers/router-confirm";
import { LazyConfirmDialog } from "@/components/netops/lazy-confirm";
import { CreateRouterForm } from "@/components/routers/create-router-form";
import { RouterCard } from "@/components/routers/router-card";
import { cardStack, stackRows, withAside } from "@/components/resources/list-layouts";
import { ListPageFrame } from "@/components/resources/table-states";

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
      <ListPageFrame
        ns="routersPage"
        icon="networks"
        list={list}
        container={cardStack(!data)}
        layout={withAside(data ? <CreateRouterForm externalNetworks={data.externalNetworks} /> : null)}
        rows={(items) => stackRows(items, (x) => <RouterCard key={x.id} router={x} list={data!} onConfirm={setConfirm} />)}
      />
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
