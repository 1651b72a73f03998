"use client";

import { useT } from "@/lib/i18n/client";
import { QueryError } from "@/components/common/query-error";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";

interface DeleteInstanceDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  name: string;
  volumesKept: number;
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
}

/** Deleting is irreversible: the dialog names the instance, says what stays behind, and Cancel has focus. */
export function DeleteInstanceDialog({ open, onOpenChange, name, volumesKept, pending, error, onConfirm }: DeleteInstanceDialogProps) {
  const t = useT();
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => !pending && onOpenChange(o)}
      title={t("instances.deleteTitle", { name })}
      description={t("instances.deleteBody")}
      footer={
        <>
          <Button autoFocus onClick={() => onOpenChange(false)} disabled={pending}>{t("instances.cancel")}</Button>
          <Button variant="danger" onClick={onConfirm} disabled={pending}>
            {pending ? <Spinner /> : null}
            {t("instances.deleteConfirm", { name })}
          </Button>
        </>
      }
    >
      {volumesKept > 0 ? <p className="text-sm">{t("instances.deleteVolumes", { count: volumesKept })}</p> : null}
      {error ? <QueryError title={t("instances.actionFailed")} error={error} /> : null}
    </Dialog>
  );
}
