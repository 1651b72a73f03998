"use client";

import { useState } from "react";
import { useT } from "@/lib/i18n/client";
import { useFloatingIpMutations, useFloatingIps, type FloatingIp } from "@/lib/queries/floating-ips";
import { PageHeader } from "@/components/common/page-header";
import { QueryError } from "@/components/common/query-error";
import { AllocateForm } from "@/components/floating-ips/allocate-form";
import { FloatingIpRow } from "@/components/floating-ips/floating-ip-row";
import { LazyConfirmDialog } from "@/components/netops/lazy-confirm";
import { SkeletonRows } from "@/components/resources/table-states";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCaption, TableHead, TableHeader, TableRow } from "@/components/ui/table";

type Pending = { kind: "release" | "disassociate"; fip: FloatingIp } | null;

export function FloatingIpsClient() {
  const t = useT();
  const list = useFloatingIps();
  const m = useFloatingIpMutations();
  const [pending, setPending] = useState<Pending>(null);
  const data = list.data;
  const mutation = pending?.kind === "release" ? m.release : m.associate;
  const fip = pending?.fip;
  const mapped = fip?.instance
    ? t("floatingIpsPage.releaseMapped", { instance: fip.instance.name || fip.instance.id, ip: fip.fixedIp ?? "" })
    : null;
  return (
    <>
      <PageHeader
        eyebrow={t("nav.project")}
        title={t("floatingIpsPage.title")}
        description={t("floatingIpsPage.description")}
        actions={data ? <AllocateForm networks={data.externalNetworks} /> : null}
      />
      <Card className="overflow-x-auto" tabIndex={0} aria-label={t("floatingIpsPage.title")}>
        {list.error ? (
          <QueryError title={t("netforms.loadFailed")} error={list.error} onRetry={() => list.refetch()} />
        ) : data && !data.items.length ? (
          <EmptyState icon="globe" title={t("floatingIpsPage.empty")} description={t("floatingIpsPage.emptyHint")} />
        ) : (
          <Table aria-busy={!data}>
            <TableCaption>{t("floatingIpsPage.title")}</TableCaption>
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead>{t("floatingIpsPage.address")}</TableHead>
                <TableHead>{t("floatingIpsPage.colNetwork")}</TableHead>
                <TableHead>{t("floatingIpsPage.mappedTo")}</TableHead>
                <TableHead>{t("floatingIpsPage.colStatus")}</TableHead>
                <TableHead>
                  <span className="sr-only">{t("floatingIpsPage.associate")}</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {!data ? (
                <SkeletonRows columns={5} />
              ) : (
                data.items.map((f) => (
                  <FloatingIpRow
                    key={f.id}
                    fip={f}
                    targets={data.targets}
                    onRelease={() => setPending({ kind: "release", fip: f })}
                    onDisassociate={() => setPending({ kind: "disassociate", fip: f })}
                  />
                ))
              )}
            </TableBody>
          </Table>
        )}
      </Card>
      <LazyConfirmDialog
        open={!!pending}
        onOpenChange={(o) => !o && (setPending(null), mutation.reset())}
        title={
          pending?.kind === "release"
            ? t("floatingIpsPage.releaseTitle", { address: fip?.address ?? "" })
            : t("floatingIpsPage.disassociateTitle", { address: fip?.address ?? "" })
        }
        consequences={
          pending?.kind === "release"
            ? [t("floatingIpsPage.releaseBody", { network: fip?.networkName ?? "" }), ...(mapped ? [mapped] : [])]
            : [t("floatingIpsPage.disassociateBody", { instance: fip?.instance?.name ?? fip?.portId ?? "", ip: fip?.fixedIp ?? "" })]
        }
        confirmLabel={pending?.kind === "release" ? t("floatingIpsPage.release") : t("floatingIpsPage.disassociate")}
        pending={mutation.isPending}
        error={mutation.error}
        onConfirm={() => {
          if (!fip) return;
          const done = { onSuccess: () => setPending(null) };
          if (pending?.kind === "release") m.release.mutate(fip.id, done);
          else m.associate.mutate({ id: fip.id, portId: null }, done);
        }}
      />
    </>
  );
}
