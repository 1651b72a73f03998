"use client";

import { useT } from "@/lib/i18n/client";
import { QueryError } from "@/components/common/query-error";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";

/** Asks before cancelling; "Keep running" has focus. */
export function CancelRolloutDialog({
  open,
  onOpenChange,
  onConfirm,
  pending,
  error,
}: {
  open: boolean;
  onOpenChange: (o: boolean) => void;
  onConfirm: () => void;
  pending: boolean;
  error: unknown;
}) {
  const t = useT();
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => !pending && onOpenChange(o)}
      title={t("rollouts.run.cancelTitle")}
      description={t("rollouts.run.cancelBody")}
      footer={
        <>
          <Button autoFocus onClick={() => onOpenChange(false)} disabled={pending}>
            {t("rollouts.run.cancelKeep")}
          </Button>
          <Button variant="danger" onClick={onConfirm} disabled={pending} data-testid="confirm-cancel">
            {pending ? <Spinner /> : null}
            {t("rollouts.run.cancelConfirm")}
          </Button>
        </>
      }
    >
      {error ? <QueryError title={t("rollouts.run.cancelFailed")} error={error} /> : null}
    </Dialog>
  );
}
