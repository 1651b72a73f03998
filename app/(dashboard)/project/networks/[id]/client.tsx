"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useT } from "@/lib/i18n/client";
import { useNetworkDetail, useNetworkMutations, type PortSummary } from "@/lib/queries/networks";
import { PageHeader } from "@/components/common/page-header";
import { QueryError } from "@/components/common/query-error";
import { AddPortForm } from "@/components/network-detail/add-port-form";
import { PortsTable } from "@/components/network-detail/ports-table";
import { SubnetsTable } from "@/components/network-detail/subnets-table";
import { LazyConfirmDialog } from "@/components/netops/lazy-confirm";
import { Button, buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

export function NetworkDetailClient({ id }: { id: string }) {
  const t = useT();
  const router = useRouter();
  const detail = useNetworkDetail(id);
  const m = useNetworkMutations(id);
  const [port, setPort] = useState<PortSummary | null>(null);
  const [deletingNet, setDeletingNet] = useState(false);
  const d = detail.data;
  const blocking = d?.ports.filter((p) => p.kind !== "dhcp").length ?? 0;
  const name = d?.network.name || id;
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/project/networks" className="underline-offset-4 hover:underline">
            {t("networkDetail.back")}
          </Link>
        }
        title={name}
        description={d ? <code className="font-mono text-xs">{id}</code> : null}
        actions={
          d?.network.own ? (
            <div className="flex flex-col items-end gap-1">
              <div className="flex gap-2">
                <Link href="/project/topology" className={buttonVariants({ size: "md" })}>
                  {t("networkDetail.topologyLink")}
                </Link>
                <Button
                  variant="danger"
                  disabled={blocking > 0}
                  aria-describedby={blocking ? "net-del-why" : undefined}
                  onClick={() => setDeletingNet(true)}
                >
                  {t("networkDetail.deleteNetwork")}
                </Button>
              </div>
              {blocking ? (
                <p id="net-del-why" className="text-xs text-muted-foreground">
                  {t("networkDetail.deleteNetworkBlocked", { ports: blocking })}
                </p>
              ) : null}
            </div>
          ) : null
        }
      />
      {detail.error ? <QueryError title={t("netforms.loadFailed")} error={detail.error} onRetry={() => detail.refetch()} /> : null}
      <div className="space-y-4">
        <Card className="overflow-x-auto" tabIndex={0} aria-label={t("networkDetail.subnets")}>
          <SubnetsTable subnets={d?.subnets} />
        </Card>
        <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_26rem]">
          <Card className="overflow-x-auto" tabIndex={0} aria-label={t("networkDetail.ports")}>
            <PortsTable ports={d?.ports} onDelete={setPort} />
          </Card>
          {d?.network.own ? <AddPortForm networkId={id} subnets={d.subnets} /> : null}
        </div>
      </div>
      <LazyConfirmDialog
        open={!!port}
        onOpenChange={(o) => !o && (setPort(null), m.removePort.reset())}
        title={t("networkDetail.deletePortTitle", { name: port?.name || port?.id.slice(0, 8) || "" })}
        consequences={[t("networkDetail.deletePortBody", { ips: port?.fixedIps.map((f) => f.ipAddress).join(", ") ?? "" })]}
        confirmLabel={t("networkDetail.deletePort")}
        pending={m.removePort.isPending}
        error={m.removePort.error}
        onConfirm={() => port && m.removePort.mutate(port.id, { onSuccess: () => setPort(null) })}
      />
      <LazyConfirmDialog
        open={deletingNet}
        onOpenChange={(o) => !o && (setDeletingNet(false), m.remove.reset())}
        title={t("networkDetail.deleteNetworkTitle", { name })}
        consequences={[t("networkDetail.deleteNetworkBody", { subnets: d?.subnets.length ?? 0, ports: blocking })]}
        confirmLabel={t("networkDetail.deleteNetwork")}
        pending={m.remove.isPending}
        error={m.remove.error}
        onConfirm={() => m.remove.mutate(id, { onSuccess: () => router.push("/project/networks") })}
      />
    </>
  );
}
