"use client";

import { useState } from "react";
import { useT } from "@/lib/i18n/client";
import { lazyDialog } from "@/lib/lazy-dialog";
import { useDeleteVolumeSnapshot, type VolumeSnapshot } from "@/lib/queries/volumes";
import { RelativeTime } from "@/components/common/relative-time";
import { QueryError } from "@/components/common/query-error";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CardHeader, CardTitle } from "@/components/ui/card-sections";
import { Icon } from "@/components/ui/icon";
import { Spinner } from "@/components/ui/spinner";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow, truncateCell } from "@/components/ui/table";
import { CreateVolumeButton } from "./create-volume-button";
import { VolumeStatusBadge } from "./volume-status-badge";

const ConfirmDialog = lazyDialog(() => import("@/components/ui/dialog").then((m) => m.Dialog));

/** The volume's snapshots: each can seed a new volume, or be deleted (after a confirmation). */
export function VolumeSnapshots({ snapshots }: { snapshots: VolumeSnapshot[] }) {
  const t = useT();
  const remove = useDeleteVolumeSnapshot();
  const [doomed, setDoomed] = useState<VolumeSnapshot | null>(null);
  const label = (s: VolumeSnapshot) => s.name ?? s.id;
  return (
    <Card aria-labelledby="vol-snaps-title">
      <CardHeader>
        <CardTitle id="vol-snaps-title">{t("volumeActions.snapshots")}</CardTitle>
      </CardHeader>
      {snapshots.length ? (
        <Table data-testid="volume-snapshots">
          <TableCaption>{t("volumeActions.snapshots")}</TableCaption>
          <TableHeader>
            <TableRow className="hover:bg-transparent">
              <TableHead>{t("volumeActions.colName")}</TableHead>
              <TableHead>{t("volumeActions.colStatus")}</TableHead>
              <TableHead className="text-right">{t("volumeActions.colSize")}</TableHead>
              <TableHead>{t("volumeActions.colCreated")}</TableHead>
              <TableHead>
                <span className="sr-only">{t("volumeActions.actions")}</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {snapshots.map((s) => (
              <TableRow key={s.id} data-testid={`volume-snapshot-${label(s)}`}>
                <TableCell>
                  <div className={`font-medium ${truncateCell}`} title={label(s)}>
                    {s.name ?? <span className="italic text-muted-foreground">{t("volumeActions.unnamed")}</span>}
                  </div>
                  <div className="font-mono text-[11px] text-muted-foreground">{s.id.slice(0, 8)}</div>
                </TableCell>
                <TableCell>
                  <VolumeStatusBadge status={s.status} transient={s.status === "creating" || s.status === "deleting"} />
                </TableCell>
                <TableCell className="text-right tabular-nums">{s.sizeGiB} GiB</TableCell>
                <TableCell className="whitespace-nowrap text-muted-foreground">
                  <RelativeTime value={s.created} />
                </TableCell>
                <TableCell className="whitespace-nowrap text-right">
                  <span className="inline-flex gap-2">
                    <CreateVolumeButton
                      preset={{ type: "snapshot", id: s.id, label: s.name }}
                      label={t("volumeActions.create")}
                      variant="secondary"
                    />
                    <Button
                      variant="danger"
                      onClick={() => setDoomed(s)}
                      aria-label={t("volumeActions.deleteSnapshot", { name: label(s) })}
                      data-testid={`delete-snapshot-${label(s)}`}
                    >
                      <Icon name="trash" />
                    </Button>
                  </span>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : (
        <p className="px-4 pb-4 text-sm text-muted-foreground">{t("volumeActions.snapshotsNone")}</p>
      )}
      <ConfirmDialog
        open={doomed !== null}
        onOpenChange={(o) => {
          if (remove.isPending) return;
          if (!o) {
            setDoomed(null);
            remove.reset();
          }
        }}
        title={t("volumeActions.deleteSnapshotTitle", { name: doomed ? label(doomed) : "" })}
        footer={
          <>
            <Button autoFocus onClick={() => setDoomed(null)} disabled={remove.isPending}>
              {t("volumeActions.cancel")}
            </Button>
            <Button
              variant="danger"
              disabled={remove.isPending}
              data-testid="delete-snapshot-confirm"
              onClick={() => doomed && remove.mutate(doomed.id, { onSuccess: () => setDoomed(null) })}
            >
              {remove.isPending ? <Spinner /> : null}
              {t("volumeActions.deleteSnapshot", { name: doomed ? label(doomed) : "" })}
            </Button>
          </>
        }
      >
        <p className="text-sm">{t("volumeActions.deleteSnapshotBody")}</p>
        {remove.error ? <QueryError title={t("volumeActions.actionFailed")} error={remove.error} /> : null}
      </ConfirmDialog>
    </Card>
  );
}
