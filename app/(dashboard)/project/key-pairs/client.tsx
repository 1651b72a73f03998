"use client";

import { useState } from "react";
import { useT } from "@/lib/i18n/client";
import { useKeypairMutations, useKeypairs, type Keypair } from "@/lib/queries/keypairs";
import { KeypairForm } from "@/components/keypairs/keypair-form";
import { LazyConfirmDialog } from "@/components/netops/lazy-confirm";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow, truncateCell } from "@/components/ui/table";
import { withAside } from "@/components/resources/list-layouts";
import { ListPageFrame, SkeletonRows } from "@/components/resources/table-states";

export function KeypairsClient() {
  const t = useT();
  const list = useKeypairs();
  const { remove } = useKeypairMutations();
  const [deleting, setDeleting] = useState<Keypair | null>(null);
  return (
    <>
      <ListPageFrame
        ns="keypairsPage"
        icon="key"
        list={list}
        layout={withAside(<KeypairForm />)}
        rows={(items) => (
          <Table aria-busy={!items}>
            <TableCaption>{t("keypairsPage.title")}</TableCaption>
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead>{t("netforms.name")}</TableHead>
                <TableHead>{t("keypairsPage.fingerprint")}</TableHead>
                <TableHead>{t("keypairsPage.type")}</TableHead>
                <TableHead>
                  <span className="sr-only">{t("netforms.delete")}</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {!items ? (
                <SkeletonRows columns={4} />
              ) : (
                items.map((k) => (
                  <TableRow key={k.name} data-testid={`keypair-row-${k.name}`}>
                    <TableCell>
                      <div className={`font-medium ${truncateCell}`} title={k.name}>
                        {k.name}
                      </div>
                    </TableCell>
                    <TableCell>
                      <code className="font-mono text-xs break-all">{k.fingerprint}</code>
                    </TableCell>
                    <TableCell>{k.type}</TableCell>
                    <TableCell className="text-right">
                      <Button size="sm" variant="ghost" onClick={() => setDeleting(k)} aria-label={`${t("netforms.delete")} ${k.name}`}>
                        {t("netforms.delete")}
                      </Button>
                    </TableCell>
                  </TableRow>
                ))
              )}
            </TableBody>
          </Table>
        )}
      />
      <LazyConfirmDialog
        open={!!deleting}
        onOpenChange={(o) => !o && (setDeleting(null), remove.reset())}
        title={t("keypairsPage.deleteTitle", { name: deleting?.name ?? "" })}
        consequences={[t("keypairsPage.deleteBody")]}
        confirmLabel={t("netforms.delete")}
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() => deleting && remove.mutate(deleting.name, { onSuccess: () => setDeleting(null) })}
      />
    </>
  );
}
