"use client";

import { useState } from "react";
import { useT } from "@/lib/i18n/client";
import type { InstanceDetail } from "@/lib/queries/instances";
import { useInstanceOp } from "@/lib/queries/instance-ops";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { OpDialog } from "../ops/op-dialog";
import { ConfirmDetach } from "./confirm-detach";

type Vol = InstanceDetail["volumes"][number];

/** The attached volumes, each detachable (not a boot-from-volume root), and an attach that follows the policy. */
export function VolumesTab({ instance: i }: { instance: InstanceDetail }) {
  const t = useT();
  const op = useInstanceOp(i.id);
  const [detaching, setDetaching] = useState<Vol | null>(null);
  const [attaching, setAttaching] = useState(false);
  const attach = i.actions.find((a) => a.action === "attach-volume");
  return (
    <Card>
      <div className="flex items-center justify-end gap-2 p-3">
        <Button variant="secondary" disabled={!attach?.enabled} title={attach?.message ?? undefined} onClick={() => setAttaching(true)}>
          {t("instances.action.attach-volume")}
        </Button>
      </div>
      {i.volumes.length ? (
        <Table aria-label={t("instanceOps.tab.volumes")}>
          <TableHeader>
            <TableRow>
              <TableHead>{t("instanceOps.colName")}</TableHead>
              <TableHead>{t("instances.device")}</TableHead>
              <TableHead>{t("instanceOps.colSize")}</TableHead>
              <TableHead>{t("instanceOps.colStatus")}</TableHead>
              <TableHead>{t("instances.deleteOnTermination")}</TableHead>
              <TableHead>
                <span className="sr-only">{t("instances.actions")}</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {i.volumes.map((v) => (
              <TableRow key={v.id}>
                <TableCell className="max-w-60 truncate" title={v.name ?? undefined}>
                  {v.name || <span className="italic text-muted-foreground">{t("volumes.unnamed")}</span>}
                </TableCell>
                <TableCell className="font-mono text-xs">{v.device ?? "—"}</TableCell>
                <TableCell>{v.sizeGiB != null ? `${v.sizeGiB} GiB` : "—"}</TableCell>
                <TableCell>{v.status ?? "—"}</TableCell>
                <TableCell>
                  {v.deleteOnTermination === null ? t("common.none") : t(v.deleteOnTermination ? "common.yes" : "common.no")}
                </TableCell>
                <TableCell className="text-right">
                  <Button
                    size="sm"
                    variant="ghost"
                    aria-disabled={v.root || undefined}
                    title={v.root ? t("instanceOps.rootNoDetach") : undefined}
                    aria-label={`${t("instanceOps.detach")} ${v.name || v.id}`}
                    onClick={() => !v.root && setDetaching(v)}
                    className="aria-disabled:cursor-not-allowed aria-disabled:opacity-40"
                  >
                    {t("instanceOps.detach")}
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : (
        <p className="p-4 text-sm text-muted-foreground">{t("instances.noVolumes")}</p>
      )}
      <ConfirmDetach
        open={!!detaching}
        title={t("instanceOps.detachVolumeTitle", {
          volume: detaching?.name || t("volumes.unnamed"),
          name: i.name || t("instances.unnamed"),
        })}
        body={t("instanceOps.detachVolumeBody", { device: detaching?.device ?? "—" })}
        pending={op.isPending}
        error={op.error}
        onCancel={() => {
          setDetaching(null);
          op.reset();
        }}
        onConfirm={() => detaching && op.mutate({ kind: "detach-volume", volumeId: detaching.id }, { onSuccess: () => setDetaching(null) })}
      />
      <OpDialog open={attaching} action="attach-volume" instance={i} onOpenChange={setAttaching} />
    </Card>
  );
}
