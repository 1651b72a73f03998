"use client";

import { useQuery } from "@tanstack/react-query";
import { useT } from "@/lib/i18n/client";
import { instanceQueries } from "@/lib/queries/instances";
import { QueryError } from "@/components/common/query-error";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";
import { cn } from "@/lib/cn";
import { deleteConsequences } from "./delete-consequences";

interface DeleteInstanceDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  instanceId: string;
  name: string;
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
}

/**
 * Deleting is irreversible: the dialog names the instance, says what happens to its disks (a boot-from-volume
 * root volume kept or deleted), and Cancel has focus. The list row and the detail page both use this one
 * dialog, which reads the instance's detail itself, so both say the same.
 */
export function DeleteInstanceDialog({ open, onOpenChange, instanceId, name, pending, error, onConfirm }: DeleteInstanceDialogProps) {
  const t = useT();
  const detail = useQuery({ ...instanceQueries.detail(instanceId), enabled: open });
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => !pending && onOpenChange(o)}
      title={t("instances.deleteTitle", { name })}
      footer={
        <>
          <Button autoFocus onClick={() => onOpenChange(false)} disabled={pending}>
            {t("instances.cancel")}
          </Button>
          <Button variant="danger" onClick={onConfirm} disabled={pending}>
            {pending ? <Spinner /> : null}
            {t("instances.deleteConfirm", { name })}
          </Button>
        </>
      }
    >
      <div className="space-y-2 text-sm" data-testid="delete-consequences">
        {detail.data ? (
          deleteConsequences(detail.data).map((c) => (
            <p key={c.key} className={cn(c.tone === "warning" && "text-warning")}>
              {t(c.key, c.vars)}
            </p>
          ))
        ) : detail.error ? (
          <QueryError title={t("instances.error")} error={detail.error} />
        ) : (
          <p className="flex items-center gap-2 text-muted-foreground">
            <Spinner />
            {t("instances.deleteChecking")}
          </p>
        )}
      </div>
      {error ? <QueryError title={t("instances.actionFailed")} error={error} /> : null}
    </Dialog>
  );
}
