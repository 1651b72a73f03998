"use client";

import type { ReactNode } from "react";
import { useT } from "@/lib/i18n/client";
import { QueryError } from "@/components/common/query-error";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";

export interface ConfirmDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  /** What else the action touches, one sentence each. */
  consequences: ReactNode[];
  confirmLabel: string;
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
}

/** Asks before a destructive networking action and names what else it touches; Cancel has focus. */
export function ConfirmDialog({ open, onOpenChange, title, consequences, confirmLabel, pending, error, onConfirm }: ConfirmDialogProps) {
  const t = useT();
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => !pending && onOpenChange(o)}
      title={title}
      footer={
        <>
          <Button autoFocus onClick={() => onOpenChange(false)} disabled={pending}>
            {t("netforms.cancel")}
          </Button>
          <Button variant="danger" onClick={onConfirm} disabled={pending}>
            {pending ? <Spinner /> : null}
            {confirmLabel}
          </Button>
        </>
      }
    >
      <div className="space-y-2 text-sm" data-testid="confirm-consequences">
        {consequences.map((c, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: fixed, ordered sentences
          <p key={i}>{c}</p>
        ))}
      </div>
      {error ? <QueryError title={t("netforms.failed")} error={error} /> : null}
    </Dialog>
  );
}
