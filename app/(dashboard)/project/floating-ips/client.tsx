"use client";

import { useState } from "react";
import { useT } from "@/lib/i18n/client";
import { useFloatingIpMutations, useFloatingIps, type FloatingIp } from "@/lib/queries/floating-ips";
import { AllocateForm } from "@/components/floating-ips/allocate-form";
import { FloatingIpRow } from "@/components/floating-ips/floating-ip-row";
import { LazyConfirmDialog } from "@/components/netops/lazy-confirm";
import { ListPageFrame, SkeletonRows } from "@/components/resources/table-states";
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
  // Who loses the address: the instance by name (or "unnamed instance"), else the port's fixed IP alone.
  const holder = fip?.instance ? fip.instance.name || t("instances.unnamed") : null;
  const mapped = holder ? t("floatingIpsPage.releaseMapped", { instance: holder, ip: fip?.fixedIp ?? "" }) : null;
  return (
    <>
      <ListPageFrame
        ns="floatingIpsPage"
        icon="globe"
        list={list}
        actions={data ? <AllocateForm networks={data.externalNetworks} /> : null}
        rows={(items) => (
          <Table aria-busy={!items}>
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
              {!items || !data ? (
                <SkeletonRows columns={5} />
              ) : (
                items.map((f) => (
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
      />
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
            : [t("floatingIpsPage.disassociateBody", { instance: holder ?? t("floatingIpsPage.target"), ip: fip?.fixedIp ?? "" })]
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
