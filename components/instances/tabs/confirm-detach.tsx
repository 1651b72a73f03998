"use client";

import type { ReactNode } from "react";
import { useT } from "@/lib/i18n/client";
import { QueryError } from "@/components/common/query-error";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";

/** Detaching asks first and says what the guest loses; Cancel has focus. */
export function ConfirmDetach(props: {
  open: boolean;
  title: string;
  body: ReactNode;
  pending: boolean;
  error: unknown;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const t = useT();
  return (
    <Dialog
      open={props.open}
      onOpenChange={(o) => !o && !props.pending && props.onCancel()}
      title={props.title}
      footer={
        <>
          <Button autoFocus onClick={props.onCancel} disabled={props.pending}>
            {t("instanceOps.cancel")}
          </Button>
          <Button variant="danger" onClick={props.onConfirm} disabled={props.pending}>
            {props.pending ? <Spinner /> : null}
            {t("instanceOps.detach")}
          </Button>
        </>
      }
    >
      <div className="space-y-2 text-sm">
        <p className="text-warning">{props.body}</p>
        {props.error ? <QueryError title={t("instances.actionFailed")} error={props.error} /> : null}
      </div>
    </Dialog>
  );
}
