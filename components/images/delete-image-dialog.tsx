"use client";

import { useT } from "@/lib/i18n/client";
import type { ImageDetail } from "@/lib/queries/images";
import { QueryError } from "@/components/common/query-error";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";
import { useErrorText } from "./error-text";

interface DeleteImageDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  image: ImageDetail;
  name: string;
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
}

/** Deleting is irreversible: the dialog names the image and what goes with it (its RBD image), and Cancel has focus. */
export function DeleteImageDialog({ open, onOpenChange, image, name, pending, error, onConfirm }: DeleteImageDialogProps) {
  const t = useT();
  const errorText = useErrorText();
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => !pending && onOpenChange(o)}
      title={t("imageActions.deleteTitle", { name })}
      footer={
        <>
          <Button autoFocus onClick={() => onOpenChange(false)} disabled={pending}>
            {t("imageActions.cancel")}
          </Button>
          <Button variant="danger" onClick={onConfirm} disabled={pending}>
            {pending ? <Spinner /> : null}
            {t("imageActions.deleteConfirm", { name })}
          </Button>
        </>
      }
    >
      <p className="text-sm" data-testid="image-delete-consequences">
        {t("imageActions.deleteBody", { id: image.id })}
      </p>
      {error ? <QueryError className="mt-3" title={t("imageActions.deleteFailed")} error={errorText(error)} /> : null}
    </Dialog>
  );
}
